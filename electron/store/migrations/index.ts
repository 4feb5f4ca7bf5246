// The ordered list of migrations; a shipped migration is never edited, only followed by a new one.
import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial.js';
import * as m002 from './002-search-segments.js';
import * as m003 from './003-one-award-in-force.js';
import * as m004 from './004-trust-anchors.js';
import * as m005 from './005-status-lists.js';
import * as m006 from './006-evidence-redactions.js';
import * as m007 from './007-quality-assurance.js';
import * as m008 from './008-queue-indexes.js';
import * as m009 from './009-coordination.js';
import * as m010 from './010-coordination-overview-index.js';
import * as m011 from './011-status-counts.js';
import * as m012 from './012-coordination-awards.js';
import * as m013 from './013-group-counts.js';
import * as m014 from './014-coordination-compact-levels.js';
import * as m015 from './015-submission-changes.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'search-segments', up: m002.up },
  { version: 3, name: 'one-award-in-force', up: m003.up },
  { version: 4, name: 'trust-anchors', up: m004.up },
  { version: 5, name: 'status-lists', up: m005.up },
  { version: 6, name: 'evidence-redactions', up: m006.up },
  { version: 7, name: 'quality-assurance', up: m007.up },
  { version: 8, name: 'queue-indexes', up: m008.up },
  { version: 9, name: 'coordination', up: m009.up },
  { version: 10, name: 'coordination-overview-index', up: m010.up },
  { version: 11, name: 'status-counts', up: m011.up },
  { version: 12, name: 'coordination-awards', up: m012.up },
  { version: 13, name: 'group-counts', up: m013.up },
  { version: 14, name: 'coordination-compact-levels', up: m014.up },
  { version: 15, name: 'submission-changes', up: m015.up },
];
