// Files and folders the person chose, held in main and handed to the renderer only as tokens.
// A renderer that is compromised can then reach only what the person chose, for what it was chosen.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { regularFileSize, requireFolderTarget, requireWritableTarget } from '../files/bounded-read.js';
import type { Chosen, DropPurpose, PathPurpose } from '../../shared/domain/choices.js';

/** open-*: main reads it; save-*: main writes it (a new file, or files into a folder). */
export type ChoiceKind = 'open-file' | 'open-folder' | 'save-file' | 'save-folder';
/** What a choice is for: a dialog purpose, or the review package to import (chosen or dropped). */
export type ChoicePurpose = PathPurpose | 'package';

/** The kinds each purpose may be, and how messages name it. */
export const CHOICE_PURPOSES: Readonly<Record<ChoicePurpose, { kinds: readonly ChoiceKind[]; what: string }>> = {
  package: { kinds: ['open-file', 'open-folder'], what: 'the review package' },
  pkcs12: { kinds: ['open-file'], what: 'the PKCS #12 file' },
  logo: { kinds: ['open-file'], what: 'the logo' },
  rubric: { kinds: ['open-file'], what: 'the rubric file' },
  evidence: { kinds: ['open-file'], what: 'the evidence file' },
  'backup-open': { kinds: ['open-file'], what: 'the backup to restore' },
  'case-export': { kinds: ['save-file'], what: 'the CASE package to write' },
  'backup-save': { kinds: ['save-file'], what: 'the backup to write' },
  'export-folder': { kinds: ['save-folder'], what: 'the folder for the awards' },
  'results-folder': { kinds: ['save-folder'], what: 'the folder for the results package' },
  'coordination-package': { kinds: ['open-file', 'open-folder'], what: 'the package to coordinate' },
  'second-readings-folder': { kinds: ['save-folder'], what: 'the folder for the second-reading packages' },
  'chart-png': { kinds: ['save-file'], what: 'the chart image to write' },
  'chart-csv': { kinds: ['save-file'], what: 'the chart’s numbers to write' },
};

/**
 * What a chosen path must be when it is used, checked before the work starts: writes go only where the
 * person chose, never over a device, a pipe or a folder; a backup to restore is a regular file.
 */
const TARGET_CHECKS: Partial<Record<ChoicePurpose, (file: string) => void>> = {
  'case-export': (file) => requireWritableTarget(file, 'The CASE package'),
  'backup-save': (file) => requireWritableTarget(file, 'The backup'),
  'export-folder': (dir) => requireFolderTarget(dir, 'The folder for the awards'),
  'results-folder': (dir) => requireFolderTarget(dir, 'The folder for the results package'),
  'second-readings-folder': (dir) => requireFolderTarget(dir, 'The folder for the second-reading packages'),
  'backup-open': (file) => void regularFileSize(file, { what: 'The backup' }),
  'chart-png': (file) => requireWritableTarget(file, 'The chart image'),
  'chart-csv': (file) => requireWritableTarget(file, 'The chart’s numbers'),
};

/** The purposes files dropped on the window may serve (others are chosen in a dialog only). */
export const DROP_PURPOSES: readonly DropPurpose[] = ['package', 'evidence', 'coordination-package'];

/** A token that is unknown, used, expired, or presented for something it was not chosen for. */
export class ChoiceError extends AssayError {
  override name = 'ChoiceError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('choice', message, options);
  }
}

export interface ChoiceOptions {
  /** How long a choice stays usable (default an hour: a form can take a while to fill in). */
  ttlMs?: number;
  /** Live choices kept at most; the oldest go first (a flood of drops cannot grow memory). */
  maxLive?: number;
  now?: () => number;
}

interface Entry {
  path: string;
  kind: ChoiceKind;
  purpose: ChoicePurpose;
  expiresAt: number;
  busy: boolean;
}

export interface Resolved {
  path: string;
  kind: ChoiceKind;
}

/**
 * The token registry. `register` is what main's dialogs (and the drop confirmation) call, and the
 * only way a token comes to be; `use` is what every handler that touches a chosen path calls.
 */
export class Choices {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxLive: number;
  private readonly now: () => number;

  constructor(options: ChoiceOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxLive = options.maxLive ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** Records a path the person chose for `purpose`; the renderer gets the token and a name to show. */
  register(file: string, kind: ChoiceKind, purpose: ChoicePurpose): Chosen {
    if (!path.isAbsolute(file))
      throw new ChoiceError(`Assay takes only full paths from its own dialogs, not "${file}".`);
    if (!CHOICE_PURPOSES[purpose].kinds.includes(kind))
      throw new ChoiceError(`${CHOICE_PURPOSES[purpose].what} cannot be a ${kind} choice.`);
    this.sweep();
    while (this.entries.size >= this.maxLive) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(32).toString('base64url');
    this.entries.set(token, {
      path: path.normalize(file),
      kind,
      purpose,
      expiresAt: this.now() + this.ttlMs,
      busy: false,
    });
    return { token, name: path.basename(file) || file };
  }

  /**
   * Runs `fn` with the paths behind `tokens`, which must all have been chosen for `purpose`. A token
   * serves one use: it is gone once `fn` succeeds. When `fn` fails (a wrong passphrase, a refused
   * package, a target that is not writable) the person may try again with the same choice until it expires; while `fn` runs, no
   * other call can use it.
   */
  async use<T>(
    tokens: readonly string[],
    purpose: ChoicePurpose,
    fn: (resolved: Resolved[]) => Promise<T> | T,
  ): Promise<T> {
    this.sweep();
    const claimed: Entry[] = [];
    const seen = new Set<string>();
    for (const token of tokens) {
      const e = this.entries.get(token);
      const what = CHOICE_PURPOSES[purpose].what;
      if (!e || seen.has(token))
        throw new ChoiceError(
          `Assay does not know ${what} this refers to (it was used already, it expired, or it was never chosen in Assay); choose it again.`,
        );
      if (e.purpose !== purpose)
        throw new ChoiceError(
          `That file was chosen as ${CHOICE_PURPOSES[e.purpose].what}, not as ${what}; choose it again for this.`,
        );
      if (e.busy) throw new ChoiceError(`${capital(what)} is being used by another request; wait for it to finish.`);
      seen.add(token);
      claimed.push(e);
    }
    for (const e of claimed) e.busy = true;
    try {
      const check = TARGET_CHECKS[purpose];
      if (check) for (const e of claimed) check(e.path);
      const value = await fn(claimed.map((e) => ({ path: e.path, kind: e.kind })));
      for (const token of tokens) this.entries.delete(token);
      return value;
    } finally {
      for (const e of claimed) e.busy = false;
    }
  }

  /** `use` for one token: its path and kind. */
  useOne<T>(token: string, purpose: ChoicePurpose, fn: (path: string, kind: ChoiceKind) => Promise<T> | T): Promise<T> {
    return this.use([token], purpose, ([c]) => fn(c!.path, c!.kind));
  }

  /** Live choices (for tests of the bound). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, e] of this.entries) if (e.expiresAt <= now && !e.busy) this.entries.delete(token);
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
