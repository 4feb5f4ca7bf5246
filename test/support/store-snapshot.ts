// What a store holds, to assert that a refused import changed nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../electron/services.js';

const TABLES = ['packages', 'blobs', 'achievement_versions', 'submissions', 'artifacts', 'reviews', 'audit_log'];

export function snapshot(s: Services): Record<string, unknown> {
  const rows: Record<string, unknown> = {};
  for (const t of TABLES) rows[t] = s.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
  rows.fts = s.db.prepare("SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH 'teacher*'").pluck().get();
  rows.evidence = s.evidence.listAll().sort();
  rows.staging = fs.readdirSync(path.join(s.dataDir, 'staging'));
  return rows;
}

/** Every blob row has its file and every file its row; nothing left in staging. */
export function orphanReport(s: Services): { missingFiles: string[]; orphanFiles: string[]; staging: string[] } {
  const rows = new Set(s.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]);
  const files = new Set(s.evidence.listAll());
  return {
    missingFiles: [...rows].filter((r) => !files.has(r)),
    orphanFiles: [...files].filter((f) => !rows.has(f)),
    staging: fs.readdirSync(path.join(s.dataDir, 'staging')),
  };
}
