// Opens the SQLite store: pragmas, and the numbered migrations on user_version in one transaction.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import Database from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/** The store's database file in its data folder (openStore; a worker's own connection opens the same). */
export const DATABASE_FILE = 'assay.db';

export class StoreError extends AssayError {
  override name = 'StoreError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('store', message, options);
  }
}

export interface OpenOptions {
  /** Path of a better-sqlite3 native module built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? defaultMigrations, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Applies every pending migration in one transaction; refuses a database newer than the code. */
export function migrate(db: Db, migrations: readonly Migration[], label = 'the database'): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`Migration "${m.name}" is numbered ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new StoreError(
      `${label} was written by a newer version of Assay (schema ${current}; this version knows up to ${latest}). ` +
        'Update Assay to open it; nothing was changed.',
    );
  }
  if (current === latest) return;
  db.transaction(() => {
    for (const m of migrations.slice(current)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
