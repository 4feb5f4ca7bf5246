// `assay coordinate …`: the coordinator's work on the command line, over the same service as the
// Coordination screen (electron/coordination). Refusals exit 1 with their reasons; usage errors exit 2.
import { AssayError } from '../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AdjudicationEvidence,
  OpenResult,
  Overview,
  ReconciliationItem,
  Sample,
} from '../../shared/coordination/types.js';
import { mkdirPrivate, PRIVATE_FILE_MODE } from '../store/atomic-write.js';
import { reconcileRuleSchema } from '../../shared/coordination/types.js';
import { decisionSchema } from '../../shared/schemas/review-package.js';
import type { Services } from '../services.js';

export interface CoordinateFlags {
  out?: string | undefined;
  json?: boolean | undefined;
  'last-attempt'?: string | undefined;
  'near-cut'?: boolean | undefined;
  'pass-share'?: string | undefined;
  seed?: string | undefined;
  readers?: string | undefined;
  rule?: string | undefined;
  adjudicator?: string | undefined;
  decision?: string | undefined;
  levels?: string | undefined;
  reasons?: string | undefined;
  paper?: string | undefined;
}

export const COORDINATE_USAGE = `  coordinate open PATH…  Open the round's review package(s) and the panel's signed results
                         packages (each verified first; any refused: nothing is opened, exit 1)
  coordinate overview [--json]
                         Assessors, agreement per criterion, flags, throughput
  coordinate sample [--last-attempt N] [--near-cut] [--pass-share 0..1] [--seed S] [--json]
                         Draw a sample for second reading (the seed is printed and recorded)
  coordinate export-second-readings SAMPLE_ID --readers ID,ID… --out DIR
                         One second-reading review package per reader (never the first reader)
  coordinate import-second-readings PATH… --rule first|second|lower
                         Open the second readers' results packages and reconcile
  coordinate queue [--json]
                         The adjudication queue, both readings side by side
  coordinate evidence SUBMISSION_ID [--out DIR] [--json]
                         What the teacher submitted for a decision sent for second reading, read
                         from the round's review package, every file checked against its SHA-256;
                         --out copies the verified files into DIR (new or empty)
  coordinate adjudicate SUBMISSION_ID --adjudicator NAME --decision pass|not-yet
                         --levels CRITERION=LEVEL,… --reasons TEXT   (final and audited)
  coordinate export --out DIR [--paper a4|letter]
                         The one signed final results package (needs the passphrase), with an
                         award (credential and signed certificate) for each final pass, none else
`;

const usage = (message: string) => new AssayError('usage', message);
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

function describeOpen(r: OpenResult): string {
  const lines: string[] = [];
  for (const p of r.reviewPackages)
    lines.push(
      `Round: review package ${p.id} (${p.label}): ${p.submissions} submissions, ${p.achievements} micro-credentials`,
    );
  for (const p of r.opened)
    lines.push(
      `Opened ${p.label}: ${p.assessor.name}, ${p.decisions} decisions, ${p.seeds} seeds; signed by ${p.signer.subject} (${p.trustedAs ?? 'intact; not a signer this data folder trusts'})`,
    );
  for (const a of r.alreadyOpen) lines.push(`Already open: ${a.label}: ${a.reason}`);
  if (r.refused.length) {
    lines.push(`Nothing was opened: ${r.refused.length} package${r.refused.length === 1 ? ' was' : 's were'} refused:`);
    for (const x of r.refused) lines.push(`  - ${x.label}: ${x.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeOverview(o: Overview): string {
  const lines = [
    `Round: ${o.round.reviewPackages.map((p) => p.id).join(', ')}; ${o.packages.length} results packages; flags when QWK < ${o.thresholds.minQwk}, exact < ${pct(o.thresholds.minExactAgreement)} (${o.thresholds.minExactFrom}), deviation beyond ±${o.thresholds.maxDeviation} (each with its 95 % interval beyond), not-yet rate beyond ${o.thresholds.notYetSd} SD of the rest of the panel`,
    '',
    'Assessor                  Decisions  Not yet  Measured  Exact  Adjacent  Deviation  Reviews/day  Median min  By due',
  ];
  for (const a of o.assessors) {
    const t = a.throughput;
    lines.push(
      [
        a.assessor.name.padEnd(25).slice(0, 25),
        String(a.decisions).padStart(9),
        pct(a.notYetRate).padStart(7),
        String(a.overall.n).padStart(8),
        pct(a.overall.n ? a.overall.exact : null).padStart(5),
        pct(a.overall.n ? a.overall.adjacent : null).padStart(8),
        num(a.overall.n ? a.overall.signedDeviation : null).padStart(9),
        num(t.reviewsPerDay, 1).padStart(11),
        num(t.medianActiveMinutes, 1).padStart(10),
        pct(t.shareByDueDate).padStart(6),
      ].join('  '),
    );
  }
  lines.push('', o.flags.length ? `Flags (${o.flags.length}):` : 'Flags: none');
  for (const f of o.flags) lines.push(`  - ${f.sentence}`);
  const r = o.reconciliation;
  lines.push(
    '',
    `Second reading: ${r.awaitingSecondReading} awaiting, ${r.agreed} agreed, ${r.toAdjudicate} to adjudicate, ${r.adjudicated} adjudicated`,
  );
  return `${lines.join('\n')}\n`;
}

function describeSample(s: Sample): string {
  const lines = [
    `Sample ${s.id}: ${s.items.length} of ${s.counts.decisions} decisions; seed "${s.rules.seed}" (draw again with --seed)`,
    `  rules: ${s.rules.notYetOnLastAttempt ? `every not yet on attempt ${s.rules.lastAttempt} or later (${s.counts.notYetLastAttempt}); ` : ''}${s.rules.nearCut ? `every decision one level from the cut (${s.counts.nearCut}); ` : ''}${pct(s.rules.passShare)} of ${s.counts.passesEligible} other passes at random (${s.counts.randomPasses})`,
  ];
  for (const i of s.items)
    lines.push(`  ${i.submissionId}  ${i.decision.padEnd(7)}  first read by ${i.firstReader.name}: ${i.why}`);
  return `${lines.join('\n')}\n`;
}

function describeQueue(items: readonly ReconciliationItem[]): string {
  if (!items.length) return 'The adjudication queue is empty.\n';
  const lines: string[] = [];
  for (const it of items) {
    lines.push(`${it.submissionId}  ${it.achievementName}  ${it.earnerName}`);
    for (const r of it.reasons) lines.push(`  ${r}`);
    lines.push(
      `  ${'Criterion'.padEnd(40)}  ${it.first.reader.name.padEnd(24).slice(0, 24)}  ${it.second?.reader.name ?? ''}`,
    );
    for (const c of it.criteria) {
      const name = (id: string) => c.levels.find((l) => l.id === id)?.name ?? '—';
      lines.push(
        `  ${c.criterionName.padEnd(40).slice(0, 40)}  ${name(c.first).padEnd(24).slice(0, 24)}  ${name(c.second)}  (${c.criterionId})`,
      );
    }
    lines.push(`  Decision: ${it.first.decision} / ${it.second?.decision ?? '—'}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function coordinateCommand(
  s: Services,
  args: readonly string[],
  flags: CoordinateFlags,
  out: (text: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  const c = await s.coordination();
  const json = (v: unknown) => out(`${JSON.stringify(v, null, 2)}\n`);
  switch (sub) {
    case 'open': {
      if (!rest.length) throw usage('assay coordinate open takes one or more PATHs (review and results packages)');
      const r = await c.open(rest);
      if (flags.json) json(r);
      else out(describeOpen(r));
      return r.refused.length ? 1 : 0;
    }
    case 'overview': {
      const o = c.overview();
      if (!o)
        throw new AssayError(
          'not-found',
          'Nothing is open: run assay coordinate open with the round’s packages first.',
        );
      if (flags.json) json(o);
      else out(describeOverview(o));
      return 0;
    }
    case 'sample': {
      const share = flags['pass-share'] === undefined ? 0 : Number(flags['pass-share']);
      if (!(share >= 0 && share <= 1)) throw usage('--pass-share must be a number from 0 to 1');
      const last = flags['last-attempt'] === undefined ? undefined : Number(flags['last-attempt']);
      if (last !== undefined && !(Number.isInteger(last) && last >= 1))
        throw usage('--last-attempt must be a whole number, 1 or more');
      const sample = c.sample({
        notYetOnLastAttempt: last !== undefined,
        lastAttempt: last ?? 1,
        nearCut: flags['near-cut'] === true,
        passShare: share,
        ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      });
      if (flags.json) json(sample);
      else out(describeSample(sample));
      return 0;
    }
    case 'export-second-readings': {
      if (rest.length !== 1 || !flags.readers || !flags.out)
        throw usage('assay coordinate export-second-readings takes SAMPLE_ID --readers ID,ID… --out DIR');
      const r = await c.exportSecondReadings(
        rest[0]!,
        flags.readers.split(',').map((x) => x.trim()),
        flags.out,
      );
      if (flags.json) json(r);
      else
        out(
          r.packages
            .map((p) => `Wrote ${p.folder} for ${p.reader.name}: ${p.submissions} to read again (${p.id})`)
            .join('\n') + '\n',
        );
      return 0;
    }
    case 'import-second-readings': {
      const rule = reconcileRuleSchema.safeParse(flags.rule);
      if (!rest.length || !rule.success)
        throw usage('assay coordinate import-second-readings takes PATH… --rule first|second|lower');
      const r = await c.importSecondReadings(rest, rule.data);
      if (flags.json) json(r);
      else {
        out(describeOpen(r));
        if (!r.refused.length)
          out(
            `Reconciled by the ${rule.data === 'lower' ? 'lower level' : `${rule.data} reader`}: ${r.reconciliation.agreed} agreed, ${r.reconciliation.toAdjudicate} to adjudicate, ${r.reconciliation.awaitingSecondReading} still awaiting.\n`,
          );
      }
      return r.refused.length ? 1 : 0;
    }
    case 'queue': {
      const q = c.adjudicationQueue();
      if (flags.json) json(q);
      else out(describeQueue(q));
      return 0;
    }
    case 'adjudicate': {
      const decision = decisionSchema.safeParse(flags.decision);
      if (rest.length !== 1 || !flags.adjudicator || !decision.success || !flags.levels || !flags.reasons)
        throw usage(
          'assay coordinate adjudicate takes SUBMISSION_ID --adjudicator NAME --decision pass|not-yet --levels CRITERION=LEVEL,… --reasons TEXT',
        );
      const results = flags.levels.split(',').map((pair) => {
        const at = pair.lastIndexOf('=');
        if (at <= 0) throw usage(`--levels: "${pair}" is not CRITERION=LEVEL`);
        return { criterionId: pair.slice(0, at).trim(), levelId: pair.slice(at + 1).trim() };
      });
      const item = c.adjudicate({
        submissionId: rest[0]!,
        adjudicator: flags.adjudicator,
        decision: decision.data,
        results,
        reasons: flags.reasons,
      });
      if (flags.json) json(item);
      else out(`Adjudicated ${item.submissionId}: ${item.final!.decision} by ${item.final!.by} (final, audited).\n`);
      return 0;
    }
    case 'evidence': {
      if (rest.length !== 1) throw usage('assay coordinate evidence takes SUBMISSION_ID [--out DIR]');
      const e = await c.adjudicationEvidence(rest[0]!);
      const copied = flags.out ? copyEvidence(s, e, flags.out) : [];
      if (flags.json) json({ ...e, ...(flags.out ? { copied } : {}) });
      else out(describeEvidence(e, copied));
      return 0;
    }
    case 'export': {
      if (!flags.out) throw usage('assay coordinate export needs --out DIR');
      if (flags.paper !== undefined && flags.paper !== 'a4' && flags.paper !== 'letter')
        throw usage(`--paper is a4 or letter, not "${flags.paper}"`);
      const r = await c.exportFinal(flags.out, flags.paper);
      if (flags.json) json(r);
      else {
        const { awards: w } = r;
        out(
          `Wrote the final results package to ${r.dir}: ${r.decisions} decisions (${r.readTwice} read twice, ${r.adjudicated} adjudicated), ${r.readers} readers named; signed by ${r.signedBy}.\n` +
            `Awards for the ${w.inForce} final passes: ${w.issued} issued now, ${w.kept} kept from an earlier final package; none for any other decision.\n` +
            w.revoked.map((x) => `  ${x.verificationCode} (${x.submissionId}): ${x.reason}\n`).join(''),
        );
      }
      return 0;
    }
    default:
      throw usage(
        `assay coordinate takes open, overview, sample, export-second-readings, import-second-readings, queue, evidence, adjudicate or export`,
      );
  }
}

/** Copies the verified evidence files of `e` into `outDir` (created; must be empty), private, one name each. */
function copyEvidence(s: Services, e: AdjudicationEvidence, outDir: string): { artifactId: string; file: string }[] {
  mkdirPrivate(outDir);
  if (fs.readdirSync(outDir).length > 0)
    throw new AssayError('conflict', `${outDir} is not empty; choose a new folder for the evidence`);
  const copied: { artifactId: string; file: string }[] = [];
  const taken = new Set<string>();
  for (const a of e.sections.flatMap((x) => x.artifacts)) {
    if (a.kind !== 'file' || !a.sha256) continue;
    const kept = s.coordinationEvidence.lookup(a.sha256);
    if (!kept) throw new Error(`evidence ${a.sha256} was verified but is not kept`);
    // Two work examples may share a file name: the second is named after its artifact id too.
    const base = a.fileName ?? a.id;
    const name = taken.has(base) ? `${a.id}-${base}` : base;
    taken.add(name);
    const file = path.join(outDir, name);
    fs.copyFileSync(kept.path, file, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(file, PRIVATE_FILE_MODE);
    copied.push({ artifactId: a.id, file });
  }
  return copied;
}

function describeEvidence(e: AdjudicationEvidence, copied: readonly { artifactId: string; file: string }[]): string {
  const where = new Map(copied.map((c) => [c.artifactId, c.file]));
  const lines = [
    `Evidence of ${e.submissionId}, read from the round's review package "${e.packageLabel}"; every file matches its SHA-256 in the manifest.`,
  ];
  for (const section of e.sections) {
    lines.push('', section.name, `  ${section.prompt}`);
    for (const r of section.responses) lines.push('', ...r.split('\n').map((l) => `  > ${l}`));
    for (const a of section.artifacts)
      lines.push(
        a.kind === 'url'
          ? `  - ${a.name}: ${a.href}`
          : `  - ${a.name} (${a.mediaType}, ${(a.size ?? 0).toLocaleString('en')} bytes)${where.has(a.id) ? ` → ${where.get(a.id)!}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
