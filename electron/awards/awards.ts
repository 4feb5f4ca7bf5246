// Awards: a passed review becomes a signed Open Badges credential; revoke, re-issue, look up for verification.
import { AssayError } from '../../shared/errors.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { achievementSchema, type Achievement } from '../../shared/schemas/review-package.js';
import { appendAudit } from '../store/audit.js';
import { anchorSigner, sealAuditHead } from '../store/audit-anchor.js';
import { rememberIssuingIdentity } from './trust.js';
import type { Db } from '../store/db.js';
import type { QualityKind } from '../../shared/domain/quality.js';
import { qualityKindOf } from '../quality/kind.js';
import { buildAchievementCredential, signCredential, validFromFor } from './credential/index.js';
import { issuerIdentifiers, issuerVerifiability, type IssuerVerifiability } from './did/index.js';
import type { SigningIdentity } from './identity/index.js';
import { StatusLists, statusListUrlSetting, type StatusListPlace } from './status-list/store.js';
import type { StatusListSigner } from './status-list/credential.js';

/**
 * The issuer id and key a credential and its status list are signed under: the issuing body's did:web
 * when its package names one (the key is listed in its did.json under assertionMethod), otherwise the
 * did:key of the badge key (`did:key:z…#z…`), which any verifier resolves offline.
 */
export function badgeSigner(identity: SigningIdentity, did?: string): StatusListSigner {
  const ids = issuerIdentifiers(identity.badgePublicKey, did);
  return { issuerId: ids.id, verificationMethod: ids.verificationMethod, privateKey: identity.badgeKey };
}

/**
 * Where the status list of a new credential lives: Settings, then the review package's issuer (its JSON),
 * then the issuer's URL.
 */
function statusListPlace(db: Db, identity: SigningIdentity, issuerJson: string | null): StatusListPlace {
  const setting = statusListUrlSetting(db);
  if (setting) return { configured: { url: setting, source: 'the statusListUrl setting' } };
  const pkg = issuerJson ? (JSON.parse(issuerJson) as { statusListUrl?: unknown; url?: unknown }) : {};
  if (typeof pkg.statusListUrl === 'string' && pkg.statusListUrl.trim())
    return { configured: { url: pkg.statusListUrl.trim(), source: "the review package's issuer.statusListUrl" } };
  const issuerUrl = identity.profile.url ?? (typeof pkg.url === 'string' ? pkg.url : undefined);
  return issuerUrl ? { issuerUrl } : {};
}

export type AwardStatus = 'active' | 'revoked' | 'superseded';

export interface Award {
  credentialId: string;
  submissionId: string;
  verificationCode: string;
  issuedAt: string;
  earnerName: string;
  assessorName: string;
  achievementId: string;
  achievementName: string;
  achievementDescription: string;
  achievementVersionId: number;
  credits: { amount: number; unit: string } | null;
  /** criterion name -> level name, in rubric order. */
  levels: { criterionId: string; criterion: string; levelId: string; level: string }[];
  credentialJson: string;
  status: AwardStatus;
  revokedAt: string | null;
  revocationReason: string | null;
  replaces: string | null;
  /** The credential's issuer.id (a did:web, or a did:key for awards issued without the issuing body's DID). */
  issuerId: string | null;
  /** Whether a third party can tie the award to the institution and learn its revocation status, and why (for the Awards screen). */
  issuer: IssuerVerifiability;
}

export class AwardError extends AssayError {
  override name = 'AwardError';
  constructor(message: string, code: 'award' | 'award-already-issued' | 'not-found' = 'award') {
    super(code, message);
  }
}

/** The submission has an award in force already: issuing again would make two for one review. */
export class AwardAlreadyIssuedError extends AwardError {
  override name = 'AwardAlreadyIssuedError';
  constructor(
    submissionId: string,
    readonly existing: { credentialId: string; verificationCode: string },
  ) {
    super(
      `Submission ${submissionId} already has an award in force: ${existing.verificationCode} (${existing.credentialId}) was already issued. Revoke it or re-issue it instead of issuing again.`,
      'award-already-issued',
    );
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short code people can read out and type: 8 Crockford base-32 characters, e.g. "7KQ4-M2XD". */
export function verificationCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += CROCKFORD.charAt(bytes[i]! & 31);
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

interface AwardDbRow {
  credential_id: string;
  submission_id: string;
  verification_code: string;
  issued_at: string;
  earner_name: string;
  assessor_name: string;
  achievement_version_id: number;
  achievement_json: string;
  credits: number | null;
  credit_unit: string | null;
  levels_json: string;
  credential_json: string;
  status: AwardStatus;
  revoked_at: string | null;
  revocation_reason: string | null;
  replaces: string | null;
  issuer_id: string | null;
  status_list_url: string | null;
}

const SELECT = `SELECT w.*, s.id AS submission_id, v.json AS achievement_json, json_extract(w.credential_json, '$.issuer.id') AS issuer_id,
  json_extract(w.credential_json, '$.credentialStatus.statusListCredential') AS status_list_url
  FROM awards w JOIN submissions s ON s.seq = w.submission_seq JOIN achievement_versions v ON v.version_id = w.achievement_version_id`;

function toAward(r: AwardDbRow): Award {
  const a = achievementSchema.parse(JSON.parse(r.achievement_json));
  return {
    credentialId: r.credential_id,
    submissionId: r.submission_id,
    verificationCode: r.verification_code,
    issuedAt: r.issued_at,
    earnerName: r.earner_name,
    assessorName: r.assessor_name,
    achievementId: a.id,
    achievementName: a.name,
    achievementDescription: a.description,
    achievementVersionId: r.achievement_version_id,
    credits: r.credits !== null ? { amount: r.credits, unit: r.credit_unit ?? 'credits' } : null,
    levels: JSON.parse(r.levels_json) as Award['levels'],
    credentialJson: r.credential_json,
    status: r.status,
    revokedAt: r.revoked_at,
    revocationReason: r.revocation_reason,
    replaces: r.replaces,
    issuerId: r.issuer_id,
    issuer: issuerVerifiability(r.issuer_id, { statusListUrl: r.status_list_url }),
  };
}

export interface IssueOptions {
  /** A corrected earner name (re-issue after a correction). */
  earnerName?: string;
  replaces?: string;
  now?: Date;
}

export interface AwardFilter {
  status?: AwardStatus;
  search?: string;
  /** Only these awards, each named by credential id or verification code (matched in SQL). */
  ids?: readonly string[];
}

/** Rows read per statement when listing; big enough to be cheap, small enough to hold. */
const PAGE_SIZE = 500;

function filterSql(filter: AwardFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    where.push('w.status = ?');
    params.push(filter.status);
  }
  if (filter.search) {
    where.push(
      "(w.earner_name LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\' OR w.verification_code LIKE ? ESCAPE '\\')",
    );
    const like = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
    params.push(like, like, like);
  }
  if (filter.ids) {
    const ids = JSON.stringify(filter.ids.map((id) => id.trim()));
    const codes = JSON.stringify(filter.ids.map((id) => id.trim().toUpperCase()));
    where.push(
      '(w.credential_id IN (SELECT value FROM json_each(?)) OR w.verification_code IN (SELECT value FROM json_each(?)))',
    );
    params.push(ids, codes);
  }
  return { where, params };
}

/** Why a submitted review that measures the assessor is not an award (said only once it is submitted). */
const NOT_AN_AWARD: Record<QualityKind, (id: string) => string> = {
  calibration: (id) => `Submission ${id} is a calibration sample, scored for practice; it never becomes an award.`,
  seed: (id) =>
    `Submission ${id} was a seeded sample with a known score, scored to check agreement; it never becomes an award.`,
  'second-reading': (id) =>
    `Submission ${id} was a second reading of a decision already made; the first reading's results decide any award.`,
};

/** What a credential for a passed decision is made from. */
export interface AwardCredentialInput {
  credentialId: string;
  issuedAt: Date;
  decidedAt: Date;
  earner: { name: string; email?: string };
  achievement: Achievement;
  /** Criterion id → level id. */
  achievedLevels: Readonly<Record<string, string>>;
  /** The review package's issuer (its JSON): its did:web and status list address, when it names them. */
  issuerJson: string | null;
}

/**
 * Takes the credential's place in a status list and signs it: under the issuing body's did:web when its
 * package names one (verifiers resolve the key from its did.json), otherwise the did:key of the badge key,
 * which resolves offline but ties the award to nobody. The caller records the award in a transaction,
 * or gives the place back (`StatusLists.release`) if it does not; a failed signing gives it back here.
 */
export async function signAchievementCredential(
  db: Db,
  identity: SigningIdentity,
  input: AwardCredentialInput,
): Promise<{ credentialJson: string; signer: StatusListSigner }> {
  const packageDid = input.issuerJson ? (JSON.parse(input.issuerJson) as { did?: unknown }).did : undefined;
  const signer = badgeSigner(identity, typeof packageDid === 'string' ? packageDid : undefined);
  const statusLists = new StatusLists(db);
  // The index is taken before signing (the credential carries it).
  const credentialStatus = statusLists.reserve(
    input.credentialId,
    signer.issuerId,
    statusListPlace(db, identity, input.issuerJson),
    input.issuedAt,
  );
  try {
    const unsigned = buildAchievementCredential({
      credentialId: input.credentialId,
      issuedAt: input.issuedAt,
      validFrom: validFromFor(input.decidedAt, input.issuedAt),
      credentialStatus,
      issuer: {
        id: signer.issuerId,
        name: identity.profile.name,
        ...(identity.profile.url ? { url: identity.profile.url } : {}),
        ...(identity.profile.email ? { email: identity.profile.email } : {}),
        ...(identity.profile.logoPng
          ? { imageDataUri: `data:image/png;base64,${identity.profile.logoPng.toString('base64')}` }
          : {}),
      },
      earner: input.earner,
      achievement: input.achievement,
      achievedLevels: input.achievedLevels,
    });
    const signed = await signCredential(unsigned, {
      privateKey: signer.privateKey,
      verificationMethod: signer.verificationMethod,
      created: input.issuedAt,
    });
    return { credentialJson: JSON.stringify(signed, null, 2), signer };
  } catch (err) {
    statusLists.release(input.credentialId);
    throw err;
  }
}

export class Awards {
  constructor(protected readonly db: Db) {}

  /** Submissions whose review passed and that have no award in force yet. */
  ready(): { submissionId: string; earnerName: string; achievementName: string; submittedAt: string }[] {
    return this.db
      .prepare(
        `SELECT s.id AS submissionId, s.earner_name AS earnerName, v.name AS achievementName, r.submitted_at AS submittedAt
        FROM submissions s JOIN reviews r ON r.submission_seq = s.seq AND r.state = 'submitted' AND r.decision = 'pass'
        JOIN achievement_versions v ON v.version_id = r.achievement_version_id
        WHERE NOT EXISTS (SELECT 1 FROM awards w WHERE w.submission_seq = s.seq AND w.status = 'active')
          -- Calibration samples, seeds and second readings measure the assessor: never awards.
          AND NOT EXISTS (SELECT 1 FROM qa_samples q WHERE q.submission_seq = s.seq)
          AND NOT EXISTS (SELECT 1 FROM second_readings x WHERE x.submission_seq = s.seq)
        ORDER BY r.submitted_at`,
      )
      .all() as { submissionId: string; earnerName: string; achievementName: string; submittedAt: string }[];
  }

  /**
   * Every award matching the filter, newest first, read in one snapshot. Never capped: whatever is
   * built from this (exports, the results package, the Awards screen) sees all of them.
   */
  list(filter: AwardFilter = {}): Award[] {
    return this.db.transaction(() => [...this.pages(filter)].flat())();
  }

  /**
   * The matching awards in pages of `pageSize`, newest first, by keyset (issued_at, credential_id)
   * so a deep page costs no more than the first and none is skipped or repeated between pages.
   */
  *pages(filter: AwardFilter = {}, pageSize = PAGE_SIZE): Generator<Award[]> {
    const { where, params } = filterSql(filter);
    const stmt = this.db
      .prepare(`${SELECT} WHERE ${[...where, '(w.issued_at < ? OR (w.issued_at = ? AND w.credential_id > ?))'].join(' AND ')}
      ORDER BY w.issued_at DESC, w.credential_id LIMIT ?`);
    // The first page starts after every possible key: ISO dates sort below "~".
    let after: { issuedAt: string; credentialId: string } = { issuedAt: '~', credentialId: '' };
    for (;;) {
      const rows = stmt.all(...params, after.issuedAt, after.issuedAt, after.credentialId, pageSize) as AwardDbRow[];
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!;
      after = { issuedAt: last.issued_at, credentialId: last.credential_id };
      yield rows.map(toAward);
      if (rows.length < pageSize) return;
    }
  }

  get(credentialId: string): Award | undefined {
    const r = this.db.prepare(`${SELECT} WHERE w.credential_id = ?`).get(credentialId) as AwardDbRow | undefined;
    return r ? toAward(r) : undefined;
  }

  byCode(code: string): Award | undefined {
    const r = this.db.prepare(`${SELECT} WHERE w.verification_code = ?`).get(code.trim().toUpperCase()) as
      AwardDbRow | undefined;
    return r ? toAward(r) : undefined;
  }

  /** Issues the award for a passed review: builds and signs the credential, records it, audits it. */
  async issue(submissionId: string, identity: SigningIdentity, options: IssueOptions = {}): Promise<Award> {
    const row = this.db
      .prepare(
        `SELECT s.seq, s.earner_name AS earnerName, s.earner_email AS earnerEmail, r.state, r.decision, r.scores_json AS scores,
          r.submitted_at AS decidedAt, r.achievement_version_id AS versionId, v.json AS achievementJson,
          p.assessor_json AS assessorJson, p.issuer_json AS issuerJson
        FROM submissions s LEFT JOIN reviews r ON r.submission_seq = s.seq
        LEFT JOIN achievement_versions v ON v.version_id = r.achievement_version_id
        LEFT JOIN packages p ON p.id = s.package_id WHERE s.id = ?`,
      )
      .get(submissionId) as
      | {
          seq: number;
          earnerName: string;
          earnerEmail: string | null;
          state: string | null;
          decision: string | null;
          scores: string;
          decidedAt: string | null;
          versionId: number;
          achievementJson: string;
          assessorJson: string | null;
          issuerJson: string | null;
        }
      | undefined;
    if (!row) throw new AwardError(`There is no submission "${submissionId}".`);
    if (row.state !== 'submitted' || row.decision !== 'pass')
      throw new AwardError('Only a submitted review that passed can become an award.');
    const quality = qualityKindOf(this.db, row.seq);
    if (quality !== null) throw new AwardError(NOT_AN_AWARD[quality](submissionId));
    // A quick answer before the signing work; the check that counts is repeated in the write below.
    this.refuseSecond(row.seq, submissionId, options.replaces);

    const achievement = achievementSchema.parse(JSON.parse(row.achievementJson));
    const scores = JSON.parse(row.scores) as Record<string, string>;
    const levels = achievement.resultDescription.map((c) => {
      const l = c.rubricCriterionLevel.find((x) => x.id === scores[c.id]);
      if (!l) throw new AwardError(`The review has no level for "${c.name}".`);
      return { criterionId: c.id, criterion: c.name, levelId: l.id, level: l.name };
    });
    const issuedAt = options.now ?? new Date();
    const credentialId = `urn:uuid:${randomUUID()}`;
    const earnerName = options.earnerName?.trim() || row.earnerName;
    const assessorName =
      (row.assessorJson ? (JSON.parse(row.assessorJson) as { name?: string }).name : undefined) ??
      identity.profile.name;
    const statusLists = new StatusLists(this.db);
    const { credentialJson, signer } = await signAchievementCredential(this.db, identity, {
      credentialId,
      issuedAt,
      decidedAt: new Date(row.decidedAt ?? issuedAt),
      earner: { name: earnerName, ...(row.earnerEmail ? { email: row.earnerEmail } : {}) },
      achievement,
      achievedLevels: scores,
      issuerJson: row.issuerJson,
    });
    try {
      const at = issuedAt.toISOString();
      this.db
        .transaction(() => {
          // Signing took a while: the app and the CLI (other connections), or an overlapping call,
          // may have issued for this submission meanwhile. The unique index would refuse the insert
          // too; this names the award that won.
          this.refuseSecond(row.seq, submissionId, options.replaces);
          rememberIssuingIdentity(this.db, identity, at);
          if (options.replaces) {
            const superseded = this.db
              .prepare("UPDATE awards SET status = 'superseded' WHERE credential_id = ? AND status = 'active'")
              .run(options.replaces).changes;
            if (!superseded)
              throw new AwardError(
                `Award ${options.replaces} is no longer in force (it was revoked or replaced while this one was being signed); nothing was issued.`,
              );
            // The replaced credential is no longer in force: its bit says so to every verifier of the list.
            statusLists.markRevoked(options.replaces);
          }
          this.db
            .prepare(
              `INSERT INTO awards (credential_id, submission_seq, achievement_version_id, verification_code, issued_at, earner_name, assessor_name, credits, credit_unit, levels_json, credential_json, replaces)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              credentialId,
              row.seq,
              row.versionId,
              verificationCode(),
              at,
              earnerName,
              assessorName,
              achievement.creditsAvailable ?? null,
              achievement.creditUnit ?? null,
              JSON.stringify(levels),
              credentialJson,
              options.replaces ?? null,
            );
          appendAudit(
            this.db,
            options.replaces ? 'award.reissue' : 'award.issue',
            credentialId,
            {
              submissionId,
              achievementVersionId: row.versionId,
              ...(options.replaces ? { replaces: options.replaces } : {}),
            },
            at,
          );
          // The key is unlocked now: seal the head, so this entry (and all before it) cannot be rewritten quietly.
          sealAuditHead(this.db, anchorSigner(identity), issuedAt);
        })
        .immediate();
    } catch (err) {
      statusLists.release(credentialId);
      throw err;
    }
    // A new list, or a replaced credential's bit: the signed list is re-made before this returns.
    await statusLists.publish(signer, issuedAt);
    return this.get(credentialId)!;
  }

  /** Re-signs the identity's status lists that changed since they were last signed (see StatusLists.publish). */
  publishStatusLists(identity: SigningIdentity, now = new Date()) {
    const lists = new StatusLists(this.db);
    // The same badge key signs under its did:key and under each issuing body's did:web it issued for.
    const didWebs = new Set(lists.all().flatMap((l) => (l.issuerId.startsWith('did:web:') ? [l.issuerId] : [])));
    return lists.publish([badgeSigner(identity), ...[...didWebs].map((d) => badgeSigner(identity, d))], now);
  }

  /** Throws when the submission has an award in force other than the one being replaced. */
  private refuseSecond(seq: number, submissionId: string, replaces: string | undefined): void {
    const active = this.db
      .prepare(
        "SELECT credential_id AS credentialId, verification_code AS verificationCode FROM awards WHERE submission_seq = ? AND status = 'active'",
      )
      .get(seq) as { credentialId: string; verificationCode: string } | undefined;
    if (active && active.credentialId !== replaces) throw new AwardAlreadyIssuedError(submissionId, active);
  }

  /** Revokes an award with a reason; the reason is kept and shown by the verifier. */
  revoke(credentialId: string, reason: string, now = new Date()): Award {
    const why = reason.trim();
    if (!why) throw new AwardError('Give the reason for revoking; it is kept and shown to whoever verifies the award.');
    this.db
      .transaction(() => {
        const changed = this.db
          .prepare(
            "UPDATE awards SET status = 'revoked', revoked_at = ?, revocation_reason = ? WHERE credential_id = ? AND status = 'active'",
          )
          .run(now.toISOString(), why, credentialId).changes;
        if (!changed)
          throw new AwardError(
            `Award ${credentialId} is not in force (already revoked or replaced), or does not exist.`,
          );
        new StatusLists(this.db).markRevoked(credentialId);
        appendAudit(this.db, 'award.revoke', credentialId, { reason: why }, now.toISOString());
      })
      .immediate();
    return this.get(credentialId)!;
  }

  /**
   * Revokes, then re-signs the status list, so what the issuing body hosts can say so at once. The list
   * of a retired identity cannot be signed with this one: it comes back in `stale`, to be told.
   */
  async revokeAndPublish(credentialId: string, reason: string, identity: SigningIdentity, now = new Date()) {
    const award = this.revoke(credentialId, reason, now);
    const { stale } = await this.publishStatusLists(identity, now);
    return { award, stale };
  }

  /** Re-issues after a correction: a new credential replaces the old one, which stays on record as superseded. */
  async reissue(
    credentialId: string,
    identity: SigningIdentity,
    correction: { earnerName?: string } = {},
  ): Promise<Award> {
    const old = this.get(credentialId);
    if (!old) throw new AwardError(`There is no award ${credentialId}.`);
    if (old.status !== 'active')
      throw new AwardError(`Award ${credentialId} is ${old.status}; only an award in force can be re-issued.`);
    return this.issue(old.submissionId, identity, { ...correction, replaces: credentialId });
  }
}
