// The awards of a coordinated round: issued only for final passes, from the final levels, by the
// coordinator's identity as the final package is written. An award already issued for a decision whose
// final outcome and levels are unchanged is kept (a later final package carries the same credential);
// one whose decision is no longer a pass is revoked, one whose final levels changed is replaced, each
// with its reason, its status list bit set and the act audited. Never decided silently: the caller
// reports every revocation.
import { randomUUID } from 'node:crypto';
import { AssayError } from '../../shared/errors.js';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { Awards, signAchievementCredential, verificationCode, type Award, type AwardStatus } from '../awards/awards.js';
import type { SigningIdentity } from '../awards/identity/index.js';
import { StatusLists } from '../awards/status-list/store.js';
import { rememberIssuingIdentity } from '../awards/trust.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';

/** A decision whose final outcome is a pass. */
export interface FinalPass {
  submissionId: string;
  achievement: Achievement;
  /** The final level of each criterion (criterion id → level id). */
  levels: Readonly<Record<string, string>>;
  /** When the decision became final. */
  decidedAt: string;
  /** Whom the certificate names as assessor: the adjudicator, or the reader whose reading stands. */
  assessorName: string;
}

/** An award of the coordination: the review store's award fields that do not come from its tables. */
export type CoordAward = Pick<
  Award,
  | 'credentialId'
  | 'submissionId'
  | 'verificationCode'
  | 'issuedAt'
  | 'earnerName'
  | 'assessorName'
  | 'levels'
  | 'credentialJson'
  | 'status'
  | 'revokedAt'
  | 'revocationReason'
  | 'replaces'
>;

export interface RevokedAward {
  submissionId: string;
  credentialId: string;
  verificationCode: string;
  reason: string;
}

export interface FinalAwards {
  /** Every award of the round (in force, revoked, replaced), by submission, oldest first. */
  bySubmission: Map<string, CoordAward[]>;
  issued: number;
  /** Awards in force from an earlier final package, carried unchanged. */
  kept: number;
  /** Revoked or replaced by this settlement. */
  revoked: RevokedAward[];
}

interface Row {
  credential_id: string;
  submission_id: string;
  verification_code: string;
  issued_at: string;
  earner_name: string;
  assessor_name: string;
  levels_json: string;
  credential_json: string;
  status: AwardStatus;
  revoked_at: string | null;
  revocation_reason: string | null;
  replaces: string | null;
}

const toAward = (r: Row): CoordAward => ({
  credentialId: r.credential_id,
  submissionId: r.submission_id,
  verificationCode: r.verification_code,
  issuedAt: r.issued_at,
  earnerName: r.earner_name,
  assessorName: r.assessor_name,
  levels: JSON.parse(r.levels_json) as Award['levels'],
  credentialJson: r.credential_json,
  status: r.status,
  revokedAt: r.revoked_at,
  revocationReason: r.revocation_reason,
  replaces: r.replaces,
});

/** The credential's levels in rubric order, with names; refuses a level the rubric does not have. */
function namedLevels(pass: FinalPass): Award['levels'] {
  return pass.achievement.resultDescription.map((c) => {
    const l = c.rubricCriterionLevel.find((x) => x.id === pass.levels[c.id]);
    if (!l)
      throw new AssayError('award', `Submission ${pass.submissionId}: the final outcome has no level for "${c.name}".`);
    return { criterionId: c.id, criterion: c.name, levelId: l.id, level: l.name };
  });
}

const sameLevels = (a: Award['levels'], b: Award['levels']) =>
  a.length === b.length && a.every((x, i) => x.criterionId === b[i]!.criterionId && x.levelId === b[i]!.levelId);

function activeOf(db: Db, submissionId: string): CoordAward | undefined {
  const r = db.prepare("SELECT * FROM coord_awards WHERE submission_id = ? AND status = 'active'").get(submissionId) as
    Row | undefined;
  return r ? toAward(r) : undefined;
}

/** Revokes (or marks replaced) the award in force, sets its status list bit and audits it; false if another writer did first. */
function retire(db: Db, award: CoordAward, status: 'revoked' | 'superseded', reason: string, at: string): boolean {
  const changed = db
    .prepare(
      "UPDATE coord_awards SET status = ?, revoked_at = ?, revocation_reason = ? WHERE credential_id = ? AND status = 'active'",
    )
    .run(status, at, reason, award.credentialId).changes;
  if (!changed) return false;
  new StatusLists(db).markRevoked(award.credentialId);
  appendAudit(
    db,
    status === 'revoked' ? 'coordination.award-revoke' : 'coordination.award-replace',
    award.credentialId,
    { submissionId: award.submissionId, reason },
    at,
  );
  return true;
}

/** Signs one award for a final pass and records it, unless another writer recorded one with the same levels first. */
async function issue(
  db: Db,
  identity: SigningIdentity,
  pass: FinalPass,
  levels: Award['levels'],
  now: Date,
): Promise<{ award: CoordAward; issued: boolean; retired?: RevokedAward }> {
  const sub = db
    .prepare(
      `SELECT s.earner_name AS earnerName, json_extract(s.json, '$.earner.email') AS earnerEmail,
         json_extract(p.head_json, '$.issuer') AS issuerJson
       FROM coord_submissions s JOIN coord_review_packages p ON p.id = s.package_id WHERE s.id = ?`,
    )
    .get(pass.submissionId) as
    { earnerName: string; earnerEmail: string | null; issuerJson: string | null } | undefined;
  if (!sub) throw new AssayError('not-found', `Submission ${pass.submissionId} is not one of the round's.`);
  const credentialId = `urn:uuid:${randomUUID()}`;
  const { credentialJson } = await signAchievementCredential(db, identity, {
    credentialId,
    issuedAt: now,
    decidedAt: new Date(pass.decidedAt),
    earner: { name: sub.earnerName, ...(sub.earnerEmail ? { email: sub.earnerEmail } : {}) },
    achievement: pass.achievement,
    achievedLevels: pass.levels,
    issuerJson: sub.issuerJson,
  });
  const statusLists = new StatusLists(db);
  try {
    const at = now.toISOString();
    return db
      .transaction(() => {
        // Signing took a while: another writer (the app and the CLI share the store) may have settled
        // this decision meanwhile. Its award stands when it states the same levels.
        const current = activeOf(db, pass.submissionId);
        let retired: RevokedAward | undefined;
        if (current) {
          if (sameLevels(current.levels, levels)) {
            statusLists.release(credentialId);
            return { award: current, issued: false };
          }
          const reason = `Replaced: the final levels of submission ${pass.submissionId} changed after this award was issued.`;
          retire(db, current, 'superseded', reason, at);
          retired = {
            submissionId: pass.submissionId,
            credentialId: current.credentialId,
            verificationCode: current.verificationCode,
            reason,
          };
        }
        rememberIssuingIdentity(db, identity, at);
        db.prepare(
          `INSERT INTO coord_awards (credential_id, submission_id, verification_code, issued_at, earner_name, assessor_name, levels_json, credential_json, replaces)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          credentialId,
          pass.submissionId,
          verificationCode(),
          at,
          sub.earnerName,
          pass.assessorName,
          JSON.stringify(levels),
          credentialJson,
          current?.credentialId ?? null,
        );
        appendAudit(
          db,
          'coordination.award-issue',
          credentialId,
          { submissionId: pass.submissionId, ...(current ? { replaces: current.credentialId } : {}) },
          at,
        );
        return { award: activeOf(db, pass.submissionId)!, issued: true, ...(retired ? { retired } : {}) };
      })
      .immediate();
  } catch (err) {
    statusLists.release(credentialId);
    throw err;
  }
}

/**
 * Settles the round's awards against its final passes (every decision of the round whose final outcome
 * is a pass; any other decision's award in force is revoked), then re-signs the status lists that changed.
 */
export async function settleFinalAwards(
  db: Db,
  identity: SigningIdentity,
  passes: readonly FinalPass[],
  now = new Date(),
  /** Told after each pass is settled (a job's progress and cancellation point). */
  onSettled: () => void = () => {},
): Promise<FinalAwards> {
  const passing = new Map(passes.map((p) => [p.submissionId, p]));
  const revoked: RevokedAward[] = [];
  let issued = 0;
  let kept = 0;
  const at = now.toISOString();
  // Awards in force for decisions that are no longer passes.
  const inForce = (db.prepare("SELECT * FROM coord_awards WHERE status = 'active'").all() as Row[]).map(toAward);
  db.transaction(() => {
    for (const a of inForce) {
      if (passing.has(a.submissionId)) continue;
      const reason = `Revoked: the final outcome of submission ${a.submissionId} is no longer a pass.`;
      if (retire(db, a, 'revoked', reason, at))
        revoked.push({
          submissionId: a.submissionId,
          credentialId: a.credentialId,
          verificationCode: a.verificationCode,
          reason,
        });
    }
  }).immediate();
  for (const pass of passes) {
    const levels = namedLevels(pass);
    const current = activeOf(db, pass.submissionId);
    if (current && sameLevels(current.levels, levels)) kept++;
    else {
      const r = await issue(db, identity, pass, levels, now);
      if (r.issued) issued++;
      else kept++;
      if (r.retired) revoked.push(r.retired);
    }
    onSettled();
  }
  if (issued || revoked.length) await new Awards(db).publishStatusLists(identity, now);
  const bySubmission = new Map<string, CoordAward[]>();
  for (const r of db.prepare('SELECT * FROM coord_awards ORDER BY issued_at, rowid').all() as Row[]) {
    const list = bySubmission.get(r.submission_id);
    if (list) list.push(toAward(r));
    else bySubmission.set(r.submission_id, [toAward(r)]);
  }
  return { bySubmission, issued, kept, revoked };
}
