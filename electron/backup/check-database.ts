// Is a database from a backup really Assay's, as Assay's own migrations make it? Opened read-only;
// its schema is compared, object by object, with one built by running the migrations up to its
// version on an empty database, then SQLite's own checks and the audit chain are run.
import Database from 'better-sqlite3';
import { verifyAudit } from '../store/audit.js';
import { migrations as defaultMigrations, type Migration } from '../store/migrations/index.js';
import { BackupError } from './errors.js';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SHA = /^[0-9a-f]{64}$/;
// Statistics SQLite may keep (ANALYZE / PRAGMA optimize): data for the planner, no code.
const STATISTICS = /^sqlite_stat\d$/;

function schemaOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} "${r.name}"`, r]));
}

/** What migrations 1..version create, in a throwaway in-memory database. */
export function referenceSchema(
  version: number,
  migrations: readonly Migration[] = defaultMigrations,
): Map<string, SchemaObject> {
  const ref = new Database(':memory:');
  try {
    ref.transaction(() => {
      for (const m of migrations.slice(0, version)) m.up(ref);
    })();
    return schemaOf(ref);
  } finally {
    ref.close();
  }
}

/** Every way `actual` differs from `expected`, in words. */
export function schemaDifferences(actual: Map<string, SchemaObject>, expected: Map<string, SchemaObject>): string[] {
  const out: string[] = [];
  for (const [key, a] of actual) {
    const e = expected.get(key);
    if (!e) {
      if (a.type === 'table' && STATISTICS.test(a.name)) continue;
      out.push(`an extra ${key}${a.type === 'trigger' || a.type === 'index' ? ` on "${a.tbl_name}"` : ''}`);
    } else if (e.sql !== a.sql || e.tbl_name !== a.tbl_name) {
      out.push(`${key} defined differently`);
    }
  }
  for (const key of expected.keys()) if (!actual.has(key)) out.push(`no ${key}`);
  return out;
}

export interface CheckedDatabase {
  schemaVersion: number;
  /** Every evidence file the database lists, by SHA-256, with its size. */
  blobs: Map<string, number>;
  auditEntries: number;
  auditHead: string;
}

/** Refuses (BackupError naming what is wrong) a database that is not Assay's, is damaged, or was tampered with. */
export function checkBackupDatabase(
  file: string,
  label: string,
  migrations: readonly Migration[] = defaultMigrations,
): CheckedDatabase {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${label}: its database cannot be opened (${(err as Error).message})`);
  }
  try {
    // Nothing the file defines (views, triggers) may call functions while we read it.
    db.pragma('trusted_schema = OFF');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw new BackupError(
        `${label}: its database is not an SQLite database Assay can read (${(err as Error).message})`,
      );
    }
    if (version === 0)
      throw new BackupError(
        `${label}: its database has no Assay schema version (user_version 0); it is not an Assay database`,
      );
    if (version > migrations.length) {
      throw new BackupError(
        `${label} was made by a newer version of Assay (database schema ${version}; this version knows up to ${migrations.length}); update Assay to restore it`,
      );
    }
    if (version < 0)
      throw new BackupError(`${label}: its database has schema version ${version}, which Assay never writes`);

    const differences = schemaDifferences(schemaOf(db), referenceSchema(version, migrations));
    if (differences.length > 0) {
      const more = differences.length > 5 ? ` (and ${differences.length - 5} more)` : '';
      throw new BackupError(
        `${label}: its database is not as Assay (schema ${version}) makes it: it has ${differences.slice(0, 5).join('; ')}${more}. It was not made by Assay or was changed; it is refused`,
      );
    }
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      throw new BackupError(
        `${label}: its database fails SQLite's integrity check (${integrity
          .slice(0, 3)
          .map((r) => r.integrity_check)
          .join('; ')})`,
      );
    }
    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (fk.length > 0) {
      const f = fk[0]!;
      throw new BackupError(
        `${label}: its database has ${fk.length} row${fk.length === 1 ? '' : 's'} referring to rows that do not exist (first: ${f.table} row ${f.rowid} → ${f.parent})`,
      );
    }
    const audit = verifyAudit(db);
    if (!audit.ok)
      throw new BackupError(`${label}: its audit log is broken at entry ${audit.brokenAt}: ${audit.reason}`);

    const blobs = new Map<string, number>();
    for (const b of db.prepare('SELECT sha256, size FROM blobs').iterate() as IterableIterator<{
      sha256: unknown;
      size: unknown;
    }>) {
      if (
        typeof b.sha256 !== 'string' ||
        !SHA.test(b.sha256) ||
        typeof b.size !== 'number' ||
        !Number.isSafeInteger(b.size) ||
        b.size < 0
      ) {
        throw new BackupError(
          `${label}: its database lists an evidence file "${String(b.sha256).slice(0, 80)}" that is not a SHA-256 with a size`,
        );
      }
      blobs.set(b.sha256, b.size);
    }
    return { schemaVersion: version, blobs, auditEntries: audit.entries, auditHead: audit.head };
  } finally {
    db.close();
  }
}
