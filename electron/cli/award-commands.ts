// `assay identity …`, `assay awards …`, `assay verify` and `assay results …`.
import path from 'node:path';
import { AssayError } from '../../shared/errors.js';
import type { AwardFormat } from '../awards/award-files.js';
import { StatusListError } from '../awards/status-list/index.js';
import type { Paper } from '../awards/certificate/index.js';
import { passphraseBox } from '../awards/identity/index.js';
import type { KeyBoxes } from '../awards/issuer.js';
import { certificateFingerprintOf } from '../awards/trust.js';
import { READ_LIMITS, readBoundedFile } from '../files/bounded-read.js';
import { exportDidCommand } from './did-command.js';
import type { Services } from '../services.js';
import { passphrase, type PromptIo } from './secrets.js';

export interface CliContext extends PromptIo {
  values: Record<string, unknown>;
  args: string[];
  out: (text: string) => void;
  /** Like out, but waits for the reader when its buffer is full (for listings of any length). */
  write: (text: string) => Promise<void>;
  err: (text: string) => void;
}

export class CliUsageError extends AssayError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** `assay verify` and `assay results verify`: every signature holds, but the signer is not one trusted here. */
export const EXIT_SIGNER_UNKNOWN = 3;

const STORE_PASSPHRASE = 'ASSAY_PASSPHRASE';

/** The passphrase boxes: asked for (or read from ASSAY_PASSPHRASE) only when keys are opened or sealed. */
export function cliKeyBoxes(io: PromptIo): KeyBoxes {
  return {
    unlock: async () => passphraseBox(await passphrase(io, STORE_PASSPHRASE, 'Passphrase for the signing keys: ')),
    seal: async () => {
      const pass = await passphrase(io, STORE_PASSPHRASE, 'New passphrase to seal the signing keys: ');
      if (pass.length < 8)
        throw new AssayError('invalid-input', 'Choose a passphrase of at least 8 characters to seal the signing keys.');
      return passphraseBox(pass);
    },
  };
}

/** What the command line says where the app says "set up the identity in Settings". */

/** `assay audit checkpoint`: seals the audit head with the issuer key, so later rewrites show. */
export async function auditCheckpointCommand(s: Services, out: (t: string) => void): Promise<number> {
  const { head, issuer } = await s.identity.checkpoint();
  out(`Sealed the audit log at entry ${head.entries} (head ${head.hash.slice(0, 16)}…) with the key of ${issuer}.\n`);
  return 0;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export async function identityCommand(s: Services, c: CliContext): Promise<number> {
  const [sub, file] = c.args;
  const profile = () => ({
    name: str(c.values.name) ?? '',
    url: str(c.values.url),
    email: str(c.values.email),
    logoFile: str(c.values.logo) ? path.resolve(str(c.values.logo)!) : undefined,
  });
  if (sub === 'show') {
    const pub = s.identity.get();
    if (!pub) {
      c.out('No issuer identity yet.\n');
      return 1;
    }
    c.out(
      `${pub.profile.name}${pub.profile.url ? ` <${pub.profile.url}>` : ''}\n  certificate: ${pub.certificateSubject} (${pub.selfSigned ? 'self-signed: no CA vouches for it' : `issued by ${pub.certificateIssuer}; ${pub.chainLength} certificates in its chain`}), valid to ${pub.validTo}\n  SHA-256 ${pub.certificateFingerprint256}\n  keys sealed by: ${pub.sealedBy}\n`,
    );
    return 0;
  }
  if (sub === 'create' || sub === 'import') {
    const replace = c.values.force === true;
    let saved;
    if (sub === 'create') {
      if (!str(c.values.name)) {
        s.identity.refuseReplace({ replace });
        throw new CliUsageError('assay identity create needs --name "Issuer name"');
      }
      saved = await s.identity.create(profile(), {
        replace,
        algorithm: c.values.algorithm === 'rsa-3072' ? 'rsa-3072' : 'ecdsa-p256',
      });
    } else {
      if (!file) {
        s.identity.refuseReplace({ replace });
        throw new CliUsageError('assay identity import takes the .p12/.pfx FILE');
      }
      saved = await s.identity.importPkcs12(
        path.resolve(file),
        () => passphrase(c, 'ASSAY_P12_PASSPHRASE', `Passphrase of ${path.basename(file)}: `),
        { replace, ...(str(c.values.name) ? { profile: profile() } : {}) },
      );
    }
    c.out(
      `Issuer identity for ${saved.profile.name} saved; its keys are sealed with your passphrase. Certificate SHA-256 ${saved.certificateFingerprint256}.\n`,
    );
    return 0;
  }
  if (sub === 'export-did') return exportDidCommand(s, c);
  throw new CliUsageError('assay identity takes show, create, import or export-did');
}

export async function awardsCommand(s: Services, c: CliContext): Promise<number> {
  const [sub, ...ids] = c.args;
  const awards = s.awards;
  if (sub === 'list') {
    // Page by page, written as it goes: a store of any size lists completely.
    let first = true;
    if (c.values.json === true) await c.write('[');
    for (const page of awards.pages()) {
      for (const a of page) {
        if (c.values.json === true) {
          const { credentialJson: _c, ...row } = a;
          await c.write(`${first ? '\n' : ',\n'}  ${JSON.stringify(row, null, 2).replace(/\n/g, '\n  ')}`);
        } else
          await c.write(
            `${a.verificationCode}  ${a.status.padEnd(10)}  ${a.issuedAt.slice(0, 10)}  ${a.earnerName} — ${a.achievementName}\n`,
          );
        first = false;
      }
    }
    if (c.values.json === true) await c.write(`${first ? '' : '\n'}]\n`);
    return 0;
  }
  if (sub === 'issue') {
    const targets = c.values.all === true ? awards.ready().map((r) => r.submissionId) : ids;
    if (targets.length === 0)
      throw new CliUsageError(
        'assay awards issue takes submission ids, or --all for every passed review without an award',
      );
    await awards.issueMany(targets, {
      stopOnError: true,
      onIssued: (a) => c.out(`Issued ${a.verificationCode} to ${a.earnerName} for ${a.achievementName}.\n`),
    });
    return 0;
  }
  if (sub === 'revoke') {
    const reason = str(c.values.reason);
    if (ids.length !== 1 || !reason)
      throw new CliUsageError(
        'assay awards revoke takes one credential id (urn:uuid:…) or verification code and --reason "…"',
      );
    const { award: a, stale } = await awards.revokeByIdOrCode(ids[0]!, reason);
    c.out(`Revoked ${a.verificationCode} (${a.earnerName}): ${a.revocationReason}\n`);
    for (const l of stale)
      c.err(
        `Warning: the status list ${l.url} belongs to the issuer ${l.issuerId}, whose key this data folder no longer holds; it cannot be re-signed, so verifiers of the hosted list will not see this revocation.\n`,
      );
    return 0;
  }
  if (sub === 'export') {
    const out = str(c.values.out);
    if (!out) throw new CliUsageError('assay awards export needs --out DIR');
    const formats = (str(c.values.format) ?? 'pdf,json,png').split(',').map((f) => f.trim()) as AwardFormat[];
    const bad = formats.find((f) => !['pdf', 'json', 'png'].includes(f));
    if (bad) throw new CliUsageError(`--format "${bad}" is not one of pdf, json, png`);
    const paper: Paper = c.values.paper === 'letter' ? 'letter' : 'a4';
    const wanted = ids.length ? ids : undefined;
    const { exported, files, missing } = await awards.exportInForce(out, formats, paper, wanted);
    // Asked for by name and not exported: say so, rather than a short count nobody checks.
    if (missing.length)
      throw new Error(
        `Exported ${exported} award${exported === 1 ? '' : 's'} to ${path.resolve(out)}, but ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not an award in force (no such credential id or verification code, or revoked or replaced).`,
      );
    c.out(`Exported ${exported} award${exported === 1 ? '' : 's'} (${files} files) to ${path.resolve(out)}.\n`);
    return 0;
  }
  throw new CliUsageError('assay awards takes list, issue, revoke or export');
}

export async function verifyCommand(s: Services, c: CliContext): Promise<number> {
  if (c.args.length !== 1)
    throw new CliUsageError(
      'assay verify takes one FILE (a certificate PDF, a credential JSON or a badge PNG) or the text of a certificate\u2019s QR code',
    );
  const v = await s.verifyAward(c.args[0]!, {
    ...statusListArg(c.values['status-list']),
    ...didDocumentArg(c.values['did-document']),
  });
  const what = v.kind === 'qr' ? 'the QR code' : path.basename(c.args[0]!);
  for (const check of v.checks) {
    const mark = check.info ? 'note' : !check.ok ? 'FAIL' : check.unknown ? '?   ' : 'ok  ';
    c.out(`  ${mark}  ${check.name}: ${check.detail}\n`);
  }
  if (v.status === 'valid') {
    c.out(`VALID: ${what} is a genuine award${v.credentialId ? ` (${v.credentialId})` : ''}.\n`);
    return 0;
  }
  if (v.status === 'signer-unknown') {
    // Not a forgery proven, not a genuine award either: someone this store does not know signed it.
    c.err(
      `SIGNATURE VALID, SIGNER UNKNOWN: ${what} is intact, but nobody this data folder trusts signed it (${v.reason}); it is not a genuine award of this issuer.\n`,
    );
    return EXIT_SIGNER_UNKNOWN;
  }
  c.err(`${v.status === 'unverifiable' ? 'UNVERIFIABLE' : 'NOT VALID'}: ${v.reason}\n`);
  return 1;
}

/** `--status-list FILE`: a status list credential (JSON) to check revocation against. */
function statusListArg(file: unknown): { statusList?: { name: string; json: unknown } } {
  if (typeof file !== 'string') return {};
  const bytes = readBoundedFile(path.resolve(file), { maxBytes: READ_LIMITS.verify, what: 'The status list' });
  try {
    return { statusList: { name: path.basename(file), json: JSON.parse(bytes.toString('utf8')) as unknown } };
  } catch (err) {
    throw new StatusListError(`--status-list ${file} is not JSON (${(err as Error).message}).`);
  }
}

/** `--did-document FILE`: the did.json the issuing body hosts, to check the credential's key against. */
function didDocumentArg(file: unknown): { didDocument?: { name: string; json: unknown } } {
  if (typeof file !== 'string') return {};
  const bytes = readBoundedFile(path.resolve(file), { maxBytes: READ_LIMITS.verify, what: 'The DID document' });
  try {
    return { didDocument: { name: path.basename(file), json: JSON.parse(bytes.toString('utf8')) as unknown } };
  } catch (err) {
    throw new AssayError('invalid-input', `--did-document ${file} is not JSON (${(err as Error).message}).`);
  }
}

export async function resultsCommand(s: Services, c: CliContext): Promise<number> {
  const [sub, target] = c.args;
  if (sub === 'export') {
    const out = str(c.values.out);
    if (!out) throw new CliUsageError('assay results export needs --out DIR');
    const paper: Paper = c.values.paper === 'letter' ? 'letter' : 'a4';
    const r = await s.results.export(out, { paper });
    c.out(
      `Wrote the results package to ${path.resolve(r.dir)}: ${r.submissions} submissions, ${r.awards} awards, signed by ${r.signedBy}.\n`,
    );
    return 0;
  }
  if (sub === 'verify') {
    if (!target) throw new CliUsageError('assay results verify takes the results package PATH');
    const certificates = ((c.values['trust-cert'] as string[] | undefined) ?? []).map((f) => {
      try {
        const der = readBoundedFile(path.resolve(f), { maxBytes: READ_LIMITS.certificate, what: 'The certificate' });
        return { fingerprint256: certificateFingerprintOf(der), label: path.basename(f) };
      } catch (err) {
        throw new Error(
          `--trust-cert ${f} is not a readable X.509 certificate (PEM or DER): ${(err as Error).message}`,
        );
      }
    });
    const v = await s.results.verify(target, certificates);
    if (v.ok) {
      c.out(
        `VALID: signed by ${v.signer.subject} (SHA-256 ${v.signer.fingerprint256}), ${v.trustedAs}; ${v.files} files match the manifest; ${v.submissions} submissions${v.quality ? `; quality checks (measures recomputed): ${v.quality.calibrationRounds} calibration rounds, ${v.quality.seeds} seeds, ${v.quality.secondReadingsCompared} second readings compared` : ''}.\n`,
      );
      return 0;
    }
    if (v.signerUnknown) {
      c.err(
        `SIGNATURE VALID, SIGNER UNKNOWN: signed by ${v.signer.subject} (SHA-256 ${v.signer.fingerprint256}) and every file matches, but that certificate is no identity of this data folder and was not given with --trust-cert; not valid.\n`,
      );
      return EXIT_SIGNER_UNKNOWN;
    }
    c.err(`NOT VALID: ${v.reason}\n`);
    return 1;
  }
  throw new CliUsageError('assay results takes export or verify');
}
