// Verifies a results package: the signature over its manifest, then every file against the manifest.
import { decodeUtf8, Utf8Error } from '../../shared/domain/utf8.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import {
  auditHeadSchema,
  resultsManifestSchema,
  resultsSchema,
  type Results,
} from '../../shared/schemas/results-package.js';
import { jsonPath } from '../../shared/schemas/review-package.js';
import { measureItems, measuresDiffer, meetsThresholds, type ScoredItem } from '../../shared/domain/qa-measures.js';
import { LIMITS } from '../import/limits.js';
import { openSource, type PackageSource } from '../import/source.js';
import { certificateTrust, type TrustContext } from '../awards/trust.js';
import { MANIFEST_FILE, RESULTS_FILE, SIGNATURE_FILE } from './results.js';

export interface DetachedVerdict {
  ok: boolean;
  /** The signer's certificate subject and SHA-256 fingerprint, when the signature could be read. */
  signer?: { subject: string; fingerprint256: string };
  reason?: string;
}

export type DetachedVerifier = (signature: Buffer, data: Buffer) => Promise<DetachedVerdict> | DetachedVerdict;

/** The audit log's head when the package was written (entry count and hash of the last entry). */
export interface AuditHead {
  entries: number;
  hash: string;
}

export interface Intact {
  signer: { subject: string; fingerprint256: string };
  files: number;
  /** Decisions: live work and second readings (never calibration samples or seeds). */
  submissions: number;
  /** The quality-assurance sections, when present: what they hold, their measures checked. */
  quality?: { calibrationRounds: number; seeds: number; secondReadingsCompared: number };
  auditHead?: AuditHead;
  /** results.json as read and checked, when asked for (`keepResults`): what the coordinator opens. */
  results?: Results;
}

export type ResultsVerdict =
  | ({ ok: true; trustedAs: string } & Intact)
  /** Every signature and file holds, but the signer is not one trusted here: never "valid". */
  | ({ ok: false; signerUnknown: true; reason: string } & Intact)
  | { ok: false; signerUnknown?: false; reason: string };

export interface ResultsVerifyOptions {
  /** Whom to believe: the identity (current or retired) that exported them, or a certificate given explicitly. */
  trust?: TrustContext;
  /** Hand back the parsed results.json (the very bytes whose hash was checked). */
  keepResults?: boolean;
}

async function readAll(source: PackageSource, rel: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await source.open(rel, max)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The size and SHA-256 of a file in the package, streamed: a listed file of gigabytes is never held whole. */
async function hashOf(source: PackageSource, rel: string, max: number): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of await source.open(rel, max)) {
    size += (c as Buffer).length;
    h.update(c as Buffer);
  }
  return { size, sha256: h.digest('hex') };
}

/** results.json is parsed whole, so it has a ceiling (far above what 100,000 reviews make). */
const RESULTS_JSON_MAX = 512 * 1024 * 1024;

/** Every file of a folder, relative, with "/" separators. */
function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const f of walk(root, r)) out.push(f);
    else out.push(r);
  }
  return out;
}

/**
 * The quality-assurance sections must say what their items give: every stated measure is recomputed from
 * the levels listed, and no calibration sample or seed may be counted as a decision. Returns the first
 * problem, naming the section and figure, or undefined.
 */
export function qaSectionProblem(results: Results): string | undefined {
  const stated = (at: string, agreement: unknown, items: readonly ScoredItem[], what: string) => {
    const d = measuresDiffer(agreement, measureItems(items), at);
    return d
      ? `${d.path} says ${JSON.stringify(d.stated)} but the ${what} listed give ${JSON.stringify(d.computed)}`
      : undefined;
  };
  const decisions = new Set(results.submissions.map((s) => s.submissionId));
  for (const [ci, c] of (results.calibration ?? []).entries())
    for (const [ri, round] of c.rounds.entries()) {
      const at = `calibration[${ci}].rounds[${ri}]`;
      const problem = stated(`${at}.agreement`, round.agreement, round.samples, 'samples');
      if (problem) return problem;
      const meets = round.samples.length === c.samples && meetsThresholds(round.agreement, c);
      if (round.meetsThresholds !== meets)
        return `${at}.meetsThresholds says ${round.meetsThresholds} but the samples listed give ${meets}`;
      const counted = round.samples.find((s) => decisions.has(s.submissionId));
      if (counted)
        return `calibration sample "${counted.submissionId}" (${at}) is also listed in submissions as a decision`;
    }
  if (results.seeds) {
    const reviewed = results.seeds.samples.filter((s) => s.outcome === 'reviewed');
    const problem = stated('seeds.agreement', results.seeds.agreement, reviewed, 'reviewed seeds');
    if (problem) return problem;
    const counted = results.seeds.samples.find((s) => decisions.has(s.submissionId));
    if (counted) return `seed "${counted.submissionId}" (seeds) is also listed in submissions as a decision`;
  }
  for (const [i, g] of (results.secondReadings ?? []).entries())
    if (g.agreement) {
      const problem = stated(`secondReadings[${i}].agreement`, g.agreement, g.compared, 'second readings');
      if (problem) return problem;
    }
  return undefined;
}

export async function verifyResults(
  input: string,
  verifyDetached: DetachedVerifier,
  options: ResultsVerifyOptions = {},
): Promise<ResultsVerdict> {
  const label = `"${path.basename(input)}"`;
  let source: PackageSource;
  try {
    source = await openSource(path.resolve(input), LIMITS);
  } catch (err) {
    return { ok: false, reason: (err as Error).message.replace(/^Package /, 'Results package ') };
  }
  try {
    let manifestBytes: Buffer;
    let signature: Buffer;
    try {
      manifestBytes = await source.readManifest();
      signature = await readAll(source, SIGNATURE_FILE, 1 << 20);
    } catch (err) {
      return {
        ok: false,
        reason: `Results package ${label}: ${(err as Error).message.replace(/^Package "[^"]*" was refused: /, '')}`,
      };
    }
    const sig = await verifyDetached(signature, manifestBytes);
    if (!sig.ok || !sig.signer)
      return {
        ok: false,
        reason: `Results package ${label}: the signature over ${MANIFEST_FILE} is not valid (${sig.reason ?? 'unknown reason'}); the package was changed or damaged`,
      };
    let manifest;
    try {
      manifest = resultsManifestSchema.parse(JSON.parse(decodeUtf8(manifestBytes, MANIFEST_FILE)));
    } catch (err) {
      if (err instanceof Utf8Error) return { ok: false, reason: `Results package ${label}: ${err.message}` };
      return { ok: false, reason: `Results package ${label}: ${MANIFEST_FILE} is not a results manifest of format 1` };
    }
    // results.json is read once: the bytes hashed are the bytes parsed below.
    let resultsBytes: Buffer | undefined;
    for (const f of manifest.files) {
      let got: { size: number; sha256: string };
      try {
        // The size first: a file that is not what the manifest says is refused without reading it.
        const size = await source.sizeOf(f.path);
        if (size !== f.size)
          return {
            ok: false,
            reason: `Results package ${label}: ${f.path} is ${size} bytes but the manifest says ${f.size}`,
          };
        if (f.path === RESULTS_FILE && f.size <= RESULTS_JSON_MAX) {
          resultsBytes = await readAll(source, f.path, f.size);
          got = { size: resultsBytes.length, sha256: createHash('sha256').update(resultsBytes).digest('hex') };
        } else got = await hashOf(source, f.path, f.size);
      } catch (err) {
        return {
          ok: false,
          reason: `Results package ${label}: ${f.path}: ${(err as Error).message.replace(/^Package "[^"]*" was refused: [^:]*: /, '')}`,
        };
      }
      if (got.size !== f.size)
        return {
          ok: false,
          reason: `Results package ${label}: ${f.path} is ${got.size} bytes but the manifest says ${f.size}`,
        };
      if (got.sha256 !== f.sha256)
        return {
          ok: false,
          reason: `Results package ${label}: ${f.path} does not match its SHA-256 in the manifest; it was changed or damaged`,
        };
    }
    // Folders and .zips alike: a file the signed manifest does not list was slipped in afterwards.
    const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.path)]);
    const present = source.kind === 'folder' ? walk(path.resolve(input)) : (source.listFiles?.() ?? []);
    const extra = present.filter((f) => !listed.has(f));
    if (extra.length)
      return { ok: false, reason: `Results package ${label}: ${extra[0]} is not listed in the signed manifest` };
    const resultsFile = manifest.files.find((f) => f.path === RESULTS_FILE);
    if (!resultsFile)
      return { ok: false, reason: `Results package ${label}: the manifest does not list ${RESULTS_FILE}` };
    if (resultsFile.size > RESULTS_JSON_MAX)
      return {
        ok: false,
        reason: `Results package ${label}: ${RESULTS_FILE} is ${resultsFile.size} bytes, more than the ${RESULTS_JSON_MAX} Assay reads`,
      };
    let resultsJson: unknown;
    try {
      resultsJson = JSON.parse(
        decodeUtf8(resultsBytes ?? (await readAll(source, RESULTS_FILE, resultsFile.size)), RESULTS_FILE),
      );
    } catch (err) {
      return {
        ok: false,
        reason: `Results package ${label}: ${err instanceof Utf8Error ? err.message : `${RESULTS_FILE} is not valid JSON`}`,
      };
    }
    const parsed = resultsSchema.safeParse(resultsJson);
    if (!parsed.success)
      return {
        ok: false,
        reason: `Results package ${label}: ${RESULTS_FILE} does not follow results format 1 (${jsonPath(parsed.error.issues[0]?.path ?? [])}: ${parsed.error.issues[0]?.message})`,
      };
    const qaProblem = qaSectionProblem(parsed.data);
    if (qaProblem)
      return {
        ok: false,
        reason: `Results package ${label}: ${RESULTS_FILE}: ${qaProblem}; the section was changed or is damaged`,
      };
    const r = parsed.data;
    const qa =
      r.calibration || r.seeds || r.secondReadings
        ? {
            calibrationRounds: (r.calibration ?? []).reduce((n, c) => n + c.rounds.length, 0),
            seeds: r.seeds?.samples.length ?? 0,
            secondReadingsCompared: (r.secondReadings ?? []).reduce((n, g) => n + g.compared.length, 0),
          }
        : undefined;
    const head = auditHeadSchema.safeParse((manifest as { auditHead?: unknown }).auditHead);
    const intact: Intact = {
      signer: sig.signer,
      files: manifest.files.length,
      submissions: parsed.data.submissions.length,
      ...(qa ? { quality: qa } : {}),
      ...(head.success ? { auditHead: head.data } : {}),
      ...(options.keepResults ? { results: r } : {}),
    };
    const found = certificateTrust(options.trust, sig.signer.fingerprint256);
    if (!found.trusted)
      return { ok: false, signerUnknown: true, reason: `Results package ${label}: ${found.detail}`, ...intact };
    return { ok: true, trustedAs: found.detail, ...intact };
  } finally {
    await source.close();
  }
}
