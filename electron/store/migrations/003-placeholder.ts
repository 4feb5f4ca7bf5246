// Migration 3: a placeholder for the migration another branch adds as version 3 (the lead replaces it on merge).
import type { Database } from 'better-sqlite3';

export function up(_db: Database): void {}
