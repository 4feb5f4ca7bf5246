// The provider's own micro-credentials: list, read and version rubrics, and add submissions by hand.
import { achievementSchema, type Achievement } from '../../shared/schemas/review-package.js';
import { hasPassRule, noPassRuleMessage } from '../../shared/domain/pass-rule.js';
import { earnerSortKey } from '../../shared/domain/text.js';
import { NotFoundError } from '../review/workspace.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { EvidenceStore } from '../store/evidence.js';
import { addSubmission, type AddSubmissionInput, type AddedSubmission } from './add-submission.js';
import { newAchievementTemplate } from './drafts.js';
import { LibraryError } from './errors.js';
import { validateAchievement } from './rubric-rules.js';
import { contentMatches, StoreRows } from '../store/rows.js';

export type AchievementSource = 'package' | 'library';

export interface AchievementSummary {
  id: string;
  name: string;
  /** The latest version, the one new submissions are pinned to. */
  versionId: number;
  versions: number;
  /** Where the latest version came from: an imported review package, or this library. */
  source: AchievementSource;
  /** Submissions of this achievement, whatever version they are pinned to. */
  submissions: number;
  /** Whether the latest version has a pass rule; without one no review of it can be decided. */
  passRule: boolean;
  /** What the latest version lacks before reviews of it can be decided, in words to act on. */
  warnings: string[];
}

export interface AchievementVersion {
  id: string;
  versionId: number;
  source: AchievementSource;
  packageId: string | null;
  /** When this version was imported or saved (or last saved again, for a restored version). */
  savedAt: string;
  contentSha256: string;
  latest: boolean;
  achievement: Achievement;
}

export interface SaveResult {
  versionId: number;
  /** created: a new version; restored: an earlier version with this content is the latest again; unchanged: nothing to do. */
  status: 'created' | 'restored' | 'unchanged';
  achievement: Achievement;
  /** Saved, but not yet usable for decisions (no pass rule), in words to act on. */
  warnings: string[];
}

/** What a version lacks before reviews of it can be decided. */
function warningsOf(a: Achievement): string[] {
  return hasPassRule(a) ? [] : [noPassRuleMessage(a.name)];
}

interface VersionRow {
  versionId: number;
  id: string;
  json: string;
  packageId: string | null;
  savedAt: string;
  sha: string;
  imageSha: string | null;
}

/**
 * "Latest" is the version imported or saved last. Versions are content-addressed and never edited,
 * so going back to earlier content cannot insert a second row with that content: the save moves
 * that row's imported_at forward instead, which is the one column a save may touch.
 */
export const LATEST_ORDER = 'imported_at DESC, version_id DESC';

const VERSION_COLUMNS = `version_id AS versionId, achievement_id AS id, json, package_id AS packageId, imported_at AS savedAt,
  content_sha256 AS sha, image_sha256 AS imageSha`;

export class Library {
  constructor(
    private readonly db: Db,
    private readonly evidence: EvidenceStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The latest version of every achievement, by name. */
  listAchievements(): AchievementSummary[] {
    const rows = this.db
      .prepare(
        `SELECT r.achievement_id AS id, r.name, r.version_id AS versionId, r.package_id AS packageId, r.versions, r.json,
           (SELECT count(*) FROM submissions s WHERE s.achievement_id = r.achievement_id) AS submissions
         FROM (SELECT achievement_id, name, version_id, package_id, json,
                 row_number() OVER (PARTITION BY achievement_id ORDER BY ${LATEST_ORDER}) AS rn,
                 count(*) OVER (PARTITION BY achievement_id) AS versions
               FROM achievement_versions) r
         WHERE r.rn = 1`,
      )
      .all() as {
      id: string;
      name: string;
      versionId: number;
      packageId: string | null;
      versions: number;
      json: string;
      submissions: number;
    }[];
    return rows
      .map((r) => {
        const warnings = warningsOf(achievementSchema.parse(JSON.parse(r.json)));
        return {
          id: r.id,
          name: r.name,
          versionId: r.versionId,
          versions: r.versions,
          source: sourceOf(r.packageId),
          submissions: r.submissions,
          passRule: warnings.length === 0,
          warnings,
        };
      })
      .sort((a, b) => cmp(earnerSortKey(a.name), earnerSortKey(b.name)) || cmp(a.id, b.id));
  }

  /** Every version of an achievement, latest first (without the rubrics themselves). */
  listVersions(id: string): Omit<AchievementVersion, 'achievement'>[] {
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM achievement_versions WHERE achievement_id = ? ORDER BY ${LATEST_ORDER}`)
      .all(id) as VersionRow[];
    if (rows.length === 0) throw notFound(id);
    return rows.map((r, i) => ({
      id: r.id,
      versionId: r.versionId,
      source: sourceOf(r.packageId),
      packageId: r.packageId,
      savedAt: r.savedAt,
      contentSha256: r.sha,
      latest: i === 0,
    }));
  }

  /** One version of an achievement: the latest unless versionId names another. */
  getAchievement(id: string, versionId?: number): AchievementVersion {
    const latest = this.latestRow(id);
    if (!latest) throw notFound(id);
    const row = versionId === undefined || versionId === latest.versionId ? latest : this.versionRow(id, versionId);
    if (!row) throw new NotFoundError(`Micro-credential "${id}" has no version ${versionId}.`);
    return {
      id: row.id,
      versionId: row.versionId,
      source: sourceOf(row.packageId),
      packageId: row.packageId,
      savedAt: row.savedAt,
      contentSha256: row.sha,
      latest: row.versionId === latest.versionId,
      achievement: achievementSchema.parse(JSON.parse(row.json)),
    };
  }

  /**
   * Saves an achievement as its latest version. A change of content makes a new version; reviews
   * and submissions already pinned to an earlier version keep it. Saving what is already the latest
   * changes nothing. Throws a LibraryError naming each problem by JSON path. A rubric without a pass
   * rule is saved (work in progress) with a warning: reviews of it cannot be decided until it has one.
   */
  saveAchievement(input: unknown): SaveResult {
    const a = validateAchievement(input);
    return this.db
      .transaction((): SaveResult => {
        const latest = this.latestRow(a.id);
        if (latest && contentMatches(latest.sha, a))
          return { versionId: latest.versionId, status: 'unchanged', achievement: a, warnings: warningsOf(a) };
        const imageSha = a.image === undefined ? null : this.knownImage(a.id, a.image);
        // Strictly after the latest, so "latest" follows the order of saves even if the clock stepped back.
        const nowMs = this.now().getTime();
        const at = new Date(latest ? Math.max(nowMs, Date.parse(latest.savedAt) + 1) : nowMs).toISOString();
        const rows = new StoreRows(this.db);
        const { versionId, created } = rows.achievementVersion(a, { packageId: null, at, imageSha256: imageSha });
        if (!created)
          this.db.prepare('UPDATE achievement_versions SET imported_at = ? WHERE version_id = ?').run(at, versionId);
        appendAudit(
          this.db,
          'achievement.save',
          a.id,
          { id: a.id, versionId, ...(created ? {} : { restored: true }) },
          at,
        );
        return { versionId, status: created ? 'created' : 'restored', achievement: a, warnings: warningsOf(a) };
      })
      .immediate();
  }

  /** A sensible new micro-credential to start editing from (not saved until saveAchievement). */
  newAchievementTemplate(name: string): Achievement {
    return newAchievementTemplate(name);
  }

  /** Adds a submission by hand, pinned to the achievement's latest version; all or nothing. */
  addSubmission(input: AddSubmissionInput): Promise<AddedSubmission> {
    return addSubmission(
      { db: this.db, evidence: this.evidence, latestVersion: (id) => this.latestVersionOf(id) },
      input,
      this.now(),
    );
  }

  private latestVersionOf(id: string): { versionId: number; achievement: Achievement } | undefined {
    const row = this.latestRow(id);
    return row && { versionId: row.versionId, achievement: achievementSchema.parse(JSON.parse(row.json)) };
  }

  private latestRow(id: string): VersionRow | undefined {
    return this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM achievement_versions WHERE achievement_id = ? ORDER BY ${LATEST_ORDER} LIMIT 1`,
      )
      .get(id) as VersionRow | undefined;
  }

  private versionRow(id: string, versionId: number): VersionRow | undefined {
    return this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM achievement_versions WHERE achievement_id = ? AND version_id = ?`)
      .get(id, versionId) as VersionRow | undefined;
  }

  /**
   * An image path is a file of the package an earlier version came from; a version that names the
   * same path keeps that image. The library cannot attach a new image yet.
   */
  private knownImage(id: string, image: string): string {
    const rows = this.db
      .prepare(
        `SELECT json, image_sha256 AS sha FROM achievement_versions WHERE achievement_id = ? AND image_sha256 IS NOT NULL ORDER BY ${LATEST_ORDER}`,
      )
      .all(id) as { json: string; sha: string }[];
    const match = rows.find((r) => (JSON.parse(r.json) as { image?: unknown }).image === image);
    if (!match) {
      throw new LibraryError('invalid-achievement', 'This micro-credential cannot be saved', [
        {
          path: 'image',
          message: `"${image}" is not an image Assay holds for this micro-credential; remove the image (adding a new image here is not supported yet)`,
        },
      ]);
    }
    return match.sha;
  }
}

const sourceOf = (packageId: string | null): AchievementSource => (packageId === null ? 'library' : 'package');
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const notFound = (id: string) => new NotFoundError(`There is no micro-credential "${id}" in this data folder.`);
