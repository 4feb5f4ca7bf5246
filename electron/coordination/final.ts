// The final outcome: one signed results package (format 1, what `assay results verify` checks) with every
// decision of the round as it became final, naming every reader of it: the first, the second, the adjudicator.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { computeDecision } from '../../shared/domain/decision.js';
import { AssayError } from '../../shared/errors.js';
import type { ExportFinalResult, ReconcileRule } from '../../shared/coordination/types.js';
import { RESULTS_FORMAT, type Results, type SubmissionResult } from '../../shared/schemas/results-package.js';
import type { Achievement, Decision } from '../../shared/schemas/review-package.js';
import { buildCadesSignature } from '../awards/certificate/cms.js';
import type { SigningIdentity } from '../awards/identity/index.js';
import { toCsv } from '../results/csv.js';
import {
  awardRecord,
  CSV_FILE,
  RESULTS_FILE,
  writePackageFile,
  writeSignedResults,
  type WrittenFile,
} from '../results/results.js';
import { mkdirPrivate, removeStaleTemps } from '../store/atomic-write.js';
import { anchorSigner, sealAuditHead } from '../store/audit-anchor.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { createHash } from 'node:crypto';
import { LevelCodec } from './levels.js';
import { settleFinalAwards, type FinalPass } from './final-awards.js';
import type { Paper } from '../awards/certificate/types.js';
import { verifyPageUrlSetting } from '../awards/verify-page/config.js';
import { StatusLists } from '../awards/status-list/store.js';

interface DecisionRow {
  reading: 'first' | 'second';
  submissionId: string;
  k: string;
  name: string;
  achievementId: string;
  attempt: number;
  decision: Decision;
  levels: string;
  comments: string | null;
  feedback: string | null;
  override: string | null;
  at: string;
  tot: number | null;
  resultsId: string;
}

interface Final {
  decision: Decision;
  results: { criterionId: string; levelId: string }[];
  by: string;
  reasons?: string;
  at: string;
}

export async function exportFinal(
  db: Db,
  identity: SigningIdentity,
  outDir: string,
  paper: Paper,
  now = new Date(),
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ExportFinalResult> {
  const open = db
    .prepare(
      "SELECT state, count(*) AS n FROM coord_reconciliation WHERE state IN ('awaiting-second-reading', 'to-adjudicate') GROUP BY state",
    )
    .all() as { state: string; n: number }[];
  if (open.length)
    throw new AssayError(
      'conflict',
      `The round is not settled: ${open
        .map((o) =>
          o.state === 'to-adjudicate'
            ? `${o.n} decision${o.n === 1 ? '' : 's'} wait for the adjudicator`
            : `${o.n} second reading${o.n === 1 ? ' has' : 's have'} not come back`,
        )
        .join(' and ')}. No final package was written.`,
    );
  const rounds = db
    .prepare("SELECT id FROM coord_review_packages WHERE kind = 'round' ORDER BY opened_at, id")
    .pluck()
    .all() as string[];
  if (!rounds.length)
    throw new AssayError('not-found', 'Nothing is open in the coordination: there is no final outcome to export.');
  mkdirPrivate(outDir);
  removeStaleTemps(outDir);
  if (fs.readdirSync(outDir).length > 0)
    throw new AssayError('results', `${outDir} is not empty; choose a new folder for the final results package`);

  const achievements = new Map(
    (
      db.prepare('SELECT id, sha256, json FROM coord_achievements').all() as {
        id: string;
        sha256: string;
        json: string;
      }[]
    ).map((a) => [a.id, { sha: a.sha256, a: JSON.parse(a.json) as Achievement }]),
  );
  const codec = new LevelCodec([...achievements.values()].map((x) => x.a));
  const decisions = db
    .prepare(
      `SELECT d.reading, d.submission_id AS submissionId, d.assessor_key AS k, r.assessor_name AS name, d.achievement_id AS achievementId,
          d.attempt, d.decision, d.levels, d.comments_json AS comments, d.feedback, d.override_justification AS override, d.submitted_at AS at,
          d.time_on_task_s AS tot, d.results_id AS resultsId
        FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id`,
    )
    .all() as DecisionRow[];
  const byId = new Map<string, { first?: DecisionRow; second?: DecisionRow }>();
  for (const d of decisions) {
    let e = byId.get(d.submissionId);
    if (!e) byId.set(d.submissionId, (e = {}));
    e[d.reading] = d;
  }
  const reconciled = new Map(
    (
      db.prepare('SELECT submission_id AS id, state, rule, final_json AS final FROM coord_reconciliation').all() as {
        id: string;
        state: string;
        rule: ReconcileRule | null;
        final: string | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const roundSubmissions = db
    .prepare(
      "SELECT s.id, s.achievement_id AS achievementId, s.attempt, s.earner_name AS earner FROM coord_submissions s JOIN coord_review_packages p ON p.id = s.package_id WHERE p.kind = 'round' ORDER BY s.rowid",
    )
    .all() as { id: string; achievementId: string; attempt: number; earner: string }[];

  const submissions: SubmissionResult[] = [];
  const csv: (string | number | null)[][] = [
    [
      'submission_id',
      'achievement_id',
      'achievement_name',
      'earner_name',
      'attempt',
      'outcome',
      'decision',
      'computed_decision',
      'settled',
      'readers',
      'decided_at',
      'credential_id',
      'verification_code',
    ],
  ];
  const readers = new Set<string>();
  const passes: FinalPass[] = [];
  let readTwice = 0;
  let adjudicated = 0;
  for (const s of roundSubmissions) {
    const { a, sha } = achievements.get(s.achievementId)!;
    const e = byId.get(s.id);
    const entry: SubmissionResult = {
      submissionId: s.id,
      achievementId: s.achievementId,
      rubricSha256: sha,
      attempt: s.attempt,
      outcome: 'not-reviewed',
      results: [],
    };
    if (!e?.first) {
      submissions.push(entry);
      csv.push([
        s.id,
        s.achievementId,
        a.name,
        s.earner,
        s.attempt,
        'not-reviewed',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
      continue;
    }
    const first = e.first;
    const rec = reconciled.get(s.id);
    const final: Final | undefined = rec?.final ? (JSON.parse(rec.final) as Final) : undefined;
    const levels: { criterionId: string; levelId: string; comment?: string }[] = final
      ? final.results
      : codec.decode(first.achievementId, first.levels, first.comments).map((l) => ({
          criterionId: l.c,
          levelId: l.l,
          ...(l.comment ? { comment: l.comment } : {}),
        }));
    const decision = final?.decision ?? first.decision;
    const computed = computeDecision(a, Object.fromEntries(levels.map((l) => [l.criterionId, l.levelId])));
    if (computed.kind !== 'decided')
      throw new Error(`submission ${s.id}: the rubric gives no decision for its final levels`);
    entry.outcome = decision === 'pass' ? 'passed' : 'not-yet';
    entry.decision = decision;
    entry.computedDecision = computed.decision;
    entry.points = computed.points;
    entry.results = levels.map((l) => {
      const level = a.resultDescription
        .find((c) => c.id === l.criterionId)!
        .rubricCriterionLevel.find((x) => x.id === l.levelId)!;
      return {
        resultDescription: l.criterionId,
        achievedLevel: l.levelId,
        points: level.points,
        ...(l.comment ? { comment: l.comment } : {}),
      };
    });
    const settled = rec?.state === 'adjudicated' ? 'adjudicated' : rec?.state === 'agreed' ? 'agreed' : 'read-once';
    if (decision !== computed.decision) {
      const why =
        settled === 'adjudicated'
          ? final!.reasons
          : settled === 'read-once' || rec?.rule === 'first'
            ? first.override
            : e.second?.override;
      entry.overrideJustification =
        why ?? `${final?.by ?? first.name} decided ${decision} over the computed ${computed.decision}`;
    }
    if (settled === 'read-once' && first.feedback) entry.feedback = first.feedback;
    entry.reviewSubmittedAt = final?.at ?? first.at;
    if (settled === 'read-once' && first.tot !== null) entry.timeOnTaskSeconds = first.tot;
    entry.readers = [
      {
        role: 'first',
        name: first.name,
        id: first.k,
        decision: first.decision,
        at: first.at,
        resultsPackage: first.resultsId,
      },
    ];
    readers.add(first.k);
    if (e.second) {
      readTwice++;
      readers.add(e.second.k);
      entry.readers.push({
        role: 'second',
        name: e.second.name,
        id: e.second.k,
        decision: e.second.decision,
        at: e.second.at,
        resultsPackage: e.second.resultsId,
      });
    }
    if (settled === 'adjudicated') {
      adjudicated++;
      readers.add(`adjudicator:${final!.by}`);
      entry.readers.push({
        role: 'adjudicator',
        name: final!.by,
        decision,
        at: final!.at,
        ...(final!.reasons ? { reasons: final!.reasons } : {}),
      });
    }
    entry.reconciliation = { state: settled, ...(settled === 'agreed' && rec?.rule ? { rule: rec.rule } : {}) };
    if (decision === 'pass')
      passes.push({
        submissionId: s.id,
        achievement: a,
        levels: Object.fromEntries(levels.map((l) => [l.criterionId, l.levelId])),
        decidedAt: entry.reviewSubmittedAt,
        // The certificate names whoever's reading stands: the adjudicator's, the second reader's by that rule, else the first.
        assessorName:
          settled === 'adjudicated'
            ? final!.by
            : settled === 'agreed' && rec?.rule === 'second'
              ? e.second!.name
              : first.name,
      });
    submissions.push(entry);
    csv.push([
      s.id,
      s.achievementId,
      a.name,
      s.earner,
      s.attempt,
      entry.outcome,
      decision,
      computed.decision,
      settled,
      entry.readers.map((r) => `${r.role}: ${r.name}`).join('; '),
      entry.reviewSubmittedAt,
    ]);
  }

  // Awards only for final passes: issued (or kept from an earlier final package), each other decision's revoked.
  // Progress: each final pass's award settled, then each certificate drawn.
  let steps = 0;
  const step = () => options.onProgress?.(++steps, passes.length * 2);
  const settledAwards = await settleFinalAwards(db, identity, passes, now, step);
  const files = new Map<string, Buffer>();
  // Credentials and certificates are written as they are made (a round's thousands of certificates are not held
  // in memory); the manifest lists them, and the signature over it is written last, so a package cut short is
  // never a signed one, and a failed or stopped export removes what it wrote.
  const written: WrittenFile[] = [];
  try {
    // The certificate code is loaded when a final package is written, not when the coordination opens.
    const { CertificateBatch } = await import('../awards/award-files.js');
    const certificates = new CertificateBatch(identity, paper, verifyPageUrlSetting(db));
    const listUrls = new Set<string>();
    let inForce = 0;
    for (const [i, entry] of submissions.entries()) {
      const awards = settledAwards.bySubmission.get(entry.submissionId);
      if (!awards) continue;
      const { a } = achievements.get(entry.achievementId)!;
      entry.awards = [];
      for (const award of awards) {
        const base = `awards/${award.credentialId.replace(/^urn:uuid:/, '')}`;
        written.push(writePackageFile(outDir, `${base}.json`, Buffer.from(award.credentialJson)));
        const url = (JSON.parse(award.credentialJson) as { credentialStatus?: { statusListCredential?: string } })
          .credentialStatus?.statusListCredential;
        if (url) listUrls.add(url);
        const record = awardRecord(award, base);
        if (award.status === 'active') {
          if (entry.outcome !== 'passed')
            throw new Error(`submission ${entry.submissionId}: an award in force for a decision that did not pass`);
          inForce++;
          const pdf = await certificates.pdf({
            ...award,
            achievementName: a.name,
            achievementDescription: a.description,
            credits:
              a.creditsAvailable !== undefined ? { amount: a.creditsAvailable, unit: a.creditUnit ?? 'credits' } : null,
          });
          written.push(writePackageFile(outDir, `${base}.pdf`, pdf));
          step();
          record.certificate = `${base}.pdf`;
          csv[i + 1]!.splice(-2, 2, award.credentialId, award.verificationCode);
        }
        entry.awards.push(record);
      }
    }
    if (inForce !== passes.length)
      throw new Error(
        `The final package would carry ${inForce} awards in force for ${passes.length} final passes; nothing was written.`,
      );
    // Each signed list the awards name, as the issuing body hosts it.
    const statusLists: NonNullable<Results['statusLists']> = [];
    for (const l of new StatusLists(db).all()) {
      if (!listUrls.has(l.url) || l.signedJson === null) continue;
      const file = `status-lists/${l.id}.json`;
      files.set(file, Buffer.from(`${l.signedJson}\n`));
      statusLists.push({ statusListCredential: l.url, issuer: l.issuerId, file, current: StatusLists.isCurrent(l) });
    }

    const packages = db
      .prepare(
        'SELECT id, assessor_name AS assessor, signer_fingerprint AS signer, kind FROM coord_results ORDER BY opened_at, id',
      )
      .all() as { id: string; assessor: string; signer: string; kind: 'first' | 'second-reading' }[];
    const samples = (
      db
        .prepare('SELECT id, drawn_at AS drawnAt, rules_json AS rules FROM coord_samples ORDER BY drawn_at, id')
        .all() as {
        id: string;
        drawnAt: string;
        rules: string;
      }[]
    ).map((x) => {
      const rules = JSON.parse(x.rules) as { seed: string };
      return { id: x.id, seed: rules.seed, drawnAt: x.drawnAt, rules };
    });
    const secondReadingPackages = db
      .prepare("SELECT id FROM coord_review_packages WHERE kind = 'second-reading' ORDER BY opened_at, id")
      .pluck()
      .all() as string[];
    const id = `urn:uuid:${randomUUID()}`;
    const results: Results = {
      format: RESULTS_FORMAT,
      formatVersion: 1,
      id,
      createdAt: now.toISOString(),
      reviewPackages: [...rounds, ...secondReadingPackages],
      assessor: { name: identity.profile.name },
      submissions,
      ...(statusLists.length ? { statusLists } : {}),
      coordination: { resultsPackages: packages, samples },
    };
    files.set(RESULTS_FILE, Buffer.from(JSON.stringify(results, null, 2)));
    files.set(CSV_FILE, Buffer.from(toCsv(csv)));
    // The export is audited, and the audit head (sealed with the identity) travels in the signed manifest.
    const head = db
      .transaction(() => {
        appendAudit(
          db,
          'coordination.export-final',
          id,
          {
            decisions: submissions.filter((x) => x.decision).length,
            readTwice,
            adjudicated,
            awards: { issued: settledAwards.issued, kept: settledAwards.kept, revoked: settledAwards.revoked.length },
          },
          now.toISOString(),
        );
        return sealAuditHead(db, anchorSigner(identity), now);
      })
      .immediate();
    await writeSignedResults(
      outDir,
      files,
      { signDetached: (data) => buildCadesSignature(identity, createHash('sha256').update(data).digest()) },
      head,
      written,
    );
    return {
      dir: outDir,
      id,
      decisions: submissions.filter((x) => x.decision).length,
      readTwice,
      adjudicated,
      readers: readers.size,
      signedBy: identity.profile.name,
      awards: { inForce, issued: settledAwards.issued, kept: settledAwards.kept, revoked: settledAwards.revoked },
    };
  } catch (err) {
    // Stopped or failed before the signature: no file of the package stays (the folder was empty before).
    for (const w of written) fs.rmSync(path.join(outDir, ...w.path.split('/')), { force: true });
    fs.rmSync(path.join(outDir, 'awards'), { recursive: true, force: true });
    throw err;
  }
}
