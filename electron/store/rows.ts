// Writes content-addressed achievement versions, blobs and submission rows (with FTS): shared by the importer and the library.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { canonicalJson, legacyCanonicalJson } from '../../shared/domain/canonical-json.js';
import { dueSortKey } from '../../shared/domain/queue.js';
import { earnerSortKey } from '../../shared/domain/text.js';
import { searchColumns } from './search-index.js';
import { isFileArtifact, type Achievement, type Submission } from '../../shared/schemas/review-package.js';
import type { Db } from './db.js';

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The content address of an achievement or submission: the same content always gives the same hash. */
export const contentSha256 = (value: unknown): string => sha256Hex(canonicalJson(value));

/**
 * Every hash this content may be stored under: its RFC 8785 one, and for rows written before Assay
 * used RFC 8785, the earlier form's where that differs (objects with integer-like keys, which the
 * review package's open objects allow). Stored hashes are never rewritten; they are recognised.
 */
export function contentSha256Forms(value: unknown): [string] | [string, string] {
  const jcs = canonicalJson(value);
  const legacy = legacyCanonicalJson(value);
  return jcs === legacy ? [sha256Hex(jcs)] : [sha256Hex(jcs), sha256Hex(legacy)];
}

/** Whether a stored content hash is this content's, in either form. */
export const contentMatches = (stored: string, value: unknown): boolean => contentSha256Forms(value).includes(stored);

/** Dates are stored in UTC so that text order is time order whatever offset was given. */
export const utc = (iso: string): string => new Date(iso).toISOString();

export interface VersionWrite {
  versionId: number;
  contentSha256: string;
  /** False when this achievement id already had a version with exactly this content. */
  created: boolean;
}

/**
 * Prepared once per transaction, like the importer's commit: a package may carry thousands of
 * submissions. Call its methods inside the transaction that records the change.
 */
export class StoreRows {
  private readonly findVersion: Statement;
  private readonly insertVersion: Statement;
  private readonly insertBlob: Statement;
  private readonly insertSubmission: Statement;
  private readonly insertArtifact: Statement;
  private readonly insertFts: Statement;

  constructor(db: Db) {
    this.findVersion = db.prepare(
      'SELECT version_id AS versionId, content_sha256 AS sha FROM achievement_versions WHERE achievement_id = ? AND content_sha256 IN (?, ?) ORDER BY version_id LIMIT 1',
    );
    this.insertVersion = db.prepare(
      'INSERT INTO achievement_versions (achievement_id, content_sha256, name, json, image_sha256, package_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size) VALUES (?, ?)');
    this.insertSubmission =
      db.prepare(`INSERT INTO submissions (id, package_id, achievement_version_id, achievement_id, attempt, submitted_at, due_at, due_sort,
        earner_id, earner_name, earner_sort, earner_email, earner_organization, status, content_sha256, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);
    this.insertArtifact =
      db.prepare(`INSERT INTO artifacts (submission_seq, artifact_id, position, section_id, name, file_name, media_type, size, sha256, url)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertFts = db.prepare('INSERT INTO submissions_fts (rowid, earner_name, responses) VALUES (?, ?, ?)');
  }

  /** Records a stored evidence file; true when it is new to the store. */
  blob(sha256: string, size: number): boolean {
    return this.insertBlob.run(sha256, size).changes > 0;
  }

  /** The version of `a.id` with exactly this content, inserted when there is none (versions are never edited). */
  achievementVersion(
    a: Achievement,
    o: { packageId: string | null; at: string; imageSha256: string | null },
  ): VersionWrite {
    const [sha, legacy = sha] = contentSha256Forms(a);
    const existing = this.findVersion.get(a.id, sha, legacy) as { versionId: number; sha: string } | undefined;
    if (existing !== undefined) return { versionId: existing.versionId, contentSha256: existing.sha, created: false };
    const versionId = Number(
      this.insertVersion.run(a.id, sha, a.name, JSON.stringify(a), o.imageSha256, o.packageId, o.at).lastInsertRowid,
    );
    return { versionId, contentSha256: sha, created: true };
  }

  /** Inserts a submission pinned to one achievement version, its artifacts and its search row; returns its seq. */
  submission(s: Submission, o: { packageId: string | null; versionId: number; contentSha256?: string }): number {
    const seq = Number(
      this.insertSubmission.run(
        s.id,
        o.packageId,
        o.versionId,
        s.achievementId,
        s.attempt,
        utc(s.submittedAt),
        s.dueAt ? utc(s.dueAt) : null,
        dueSortKey(s.dueAt),
        s.earner.id,
        s.earner.name,
        earnerSortKey(s.earner.name),
        s.earner.email ?? null,
        s.earner.organization ?? null,
        o.contentSha256 ?? contentSha256(s),
        JSON.stringify(s),
      ).lastInsertRowid,
    );
    s.artifacts.forEach((art, position) => {
      if (isFileArtifact(art))
        this.insertArtifact.run(
          seq,
          art.id,
          position,
          art.sectionId,
          art.name,
          art.file,
          art.mediaType,
          art.size,
          art.sha256,
          null,
        );
      else this.insertArtifact.run(seq, art.id, position, art.sectionId, art.name, null, null, null, null, art.url);
    });
    this.insertFts.run(seq, ...searchColumns(s.earner.name, s.responses));
    return seq;
  }
}
