// The `assay` subcommands; each opens the services on the data folder, acts, and closes them.
import { AssayError, isAssayError } from '../../shared/errors.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
// Only what every command needs is imported here; each command loads its own code when it runs, so
// `assay queue` never loads the award, PDF and credential code (start-up time: test/bench/startup-bench.ts).
import type { ImportProgress } from '../../shared/domain/import.js';
import { SUBMISSION_STATUSES } from '../../shared/domain/queue.js';
import { resolveDataDir } from '../paths.js';
import type { Services } from '../services.js';
import { noIdentityMessage, write } from './output.js';
import type { CliContext } from './award-commands.js';
import type { QueueOnly } from '../store/open-store.js';
import { queueCommand } from './queue-command.js';
import type { CliStdin } from './secrets.js';

/** Everything a command reads and writes besides files: the bin script passes the process's own. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Read only to ask for a passphrase at a terminal. */
  stdin: CliStdin;
}

// The coordinator's commands (electron/cli/coordinate-command.ts; its code loads when it runs).
const COORDINATE_USAGE_TEXT = `  coordinate open|overview|sample|export-second-readings|import-second-readings|queue|evidence|adjudicate|export
                         The coordinator: the panel's results packages, agreement, second
                         reading, adjudication and the final package (assay coordinate --help)
`;

const USAGE = `Usage: assay <command> [options]

Commands:
  import PATH            Import a review package (a folder or a .zip)
  queue                  List the review queue
      --status S         only this status (${SUBMISSION_STATUSES.join(', ')}); repeatable
      --search TEXT      full-text search over earner names and responses: every word
                         must match; from 3 letters on a word also matches the
                         beginnings of words, shorter it matches whole words only
      --overdue          only submissions past their due date
      --sort KEY         due (default), submitted or earner
      --limit N          at most N rows (default 100, at most 1000); the table's last
                         line says how many were left out
      --all              every row, written as it is read (any number of rows)
      --blind            no earner identity at all
      --json             a JSON array instead of a table (with --all too: one array,
                         written element by element)
                         (refused, exit 1, while a required calibration is unmet)
  calibration            Each package's calibration: samples, agreement, what is missing
  calibration practice-again PACKAGE_ID
                         Keep this round's calibration scores and score the samples again
  sample-package OUT_DIR Write a realistic sample review package
      --with-calibration add a required calibration set (one practice sample per
                         micro-credential, with definitive scores and rationales)
      --with-seeds       add seeded samples hidden among the live work (one per 10)
      --second-reading   instead, a package of decisions another assessor made, to read
                         again blind (its own ids: it imports beside the sample package)
  audit verify [--anchor FILE]…
                         Check the audit log: its hash chain, its signed checkpoints, that it
                         agrees with the reviews, awards and revocations, and that it still holds
                         what results packages or backups (--anchor) recorded
  audit checkpoint       Seal the audit log's head with the issuer key (needs the passphrase)
  identity show|create|import FILE.p12
                         The issuer's signing identity (--name, --url, --email, --logo PNG;
                         keys sealed with ASSAY_PASSPHRASE or a passphrase typed at the prompt)
  identity export-did --out DIR [--did did:web:…]
                         did.json for the issuing body's web site (DID from the packages' issuer.did)
  awards list|issue [--all|ID…]|revoke ID --reason R|export --out DIR [--format pdf,json,png] [--paper a4|letter]
  verify FILE|QR-TEXT [--status-list LIST.json] [--did-document did.json]
                         Check a certificate PDF, credential JSON, badge PNG or the text of a
                         certificate's QR code (https://…/verify#…): exit 0 genuine,
                         1 not valid, 3 signature valid but signer unknown to this data folder;
                         revocation from the status list given, else this data folder's;
                         --did-document: the issuing body's hosted did.json, which must list
                         the signing key under assertionMethod (and then vouches for it)
  status-list export --out FILE [--url URL]
                         The signed revocation list (Bitstring Status List) to host at its URL
  verify-page export --out FILE [--url URL]
                         The verify page the certificates' QR codes open, to host at its URL
                         (default: the verifyPageUrl setting, else <issuer url>/verify)
  results export --out DIR | results verify PATH [--trust-cert CERT]…
                         The signed results package for the issuing body
${COORDINATE_USAGE_TEXT}  backup --out FILE      Write a consistent backup (.zip) of the store and the evidence
  restore FILE           Replace the data folder's store with a backup (checked first)

Options for every command:
  --data-dir DIR         the data folder (default: ASSAY_DATA_DIR, else the per-user
                         application data folder for "Assay")
  -h, --help             this text
`;

class UsageError extends AssayError {
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * `assay ARGV…`: runs one command and returns its exit status (0 done, 1 refused or not valid, 2 usage
 * or an unexpected error, 3 signer unknown). It never exits the process, so tests run it in-process.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    io.stderr.write(`assay: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        did: { type: 'string' },
        url: { type: 'string' },
        email: { type: 'string' },
        logo: { type: 'string' },
        algorithm: { type: 'string' },
        force: { type: 'boolean' },
        all: { type: 'boolean' },
        reason: { type: 'string' },
        format: { type: 'string' },
        paper: { type: 'string' },
        status: { type: 'string', multiple: true },
        search: { type: 'string' },
        overdue: { type: 'boolean' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        blind: { type: 'boolean' },
        json: { type: 'boolean' },
        'with-calibration': { type: 'boolean' },
        'with-seeds': { type: 'boolean' },
        'second-reading': { type: 'boolean' },
        anchor: { type: 'string', multiple: true },
        'trust-cert': { type: 'string', multiple: true },
        'status-list': { type: 'string' },
        'did-document': { type: 'string' },
        'last-attempt': { type: 'string' },
        'near-cut': { type: 'boolean' },
        'pass-share': { type: 'string' },
        seed: { type: 'string' },
        readers: { type: 'string' },
        rule: { type: 'string' },
        adjudicator: { type: 'string' },
        decision: { type: 'string' },
        levels: { type: 'string' },
        reasons: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr.write(`assay: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (command === 'coordinate' && (values.help || !rest.length)) {
    const { COORDINATE_USAGE } = await import('./coordinate-command.js');
    (values.help ? io.stdout : io.stderr).write(`Usage: assay coordinate <step> [options]\n\n${COORDINATE_USAGE}`);
    return values.help ? 0 : 2;
  }
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  try {
    switch (command) {
      case 'import':
        return await withImporter(dataDir, (s) => importCommand(s, rest, io));
      case 'queue':
        return await withQueue(dataDir, (s) => queueCommand(s, values, io.stdout));
      case 'calibration': {
        const { calibrationCommand } = await import('./calibration-command.js');
        return await withServices(dataDir, io, (s) => calibrationCommand(s, rest, io.stdout, io.stderr));
      }
      case 'sample-package':
        return await sampleCommand(rest, values, io);
      case 'coordinate': {
        const { coordinateCommand } = await import('./coordinate-command.js');
        return await withServices(dataDir, io, async (s) => {
          try {
            return await coordinateCommand(s, rest, values, (t) => void io.stdout.write(t));
          } catch (err) {
            // A refusal (nothing open, a conflict, bad input, a missing identity) is a 1 with its message.
            if (isAssayError(err) && err.code !== 'usage') {
              io.stderr.write(`${describe(err, dataDir)}\n`);
              return 1;
            }
            throw err;
          }
        });
      }
      case 'audit':
        if (rest[0] !== 'verify' && rest[0] !== 'checkpoint')
          throw new UsageError('assay audit takes verify [--anchor FILE]… or checkpoint');
        if (rest[0] === 'checkpoint') {
          const { auditCheckpointCommand } = await import('./award-commands.js');
          return await withServices(dataDir, io, (s) => auditCheckpointCommand(s, (t) => void io.stdout.write(t)));
        }
        return await withServices(dataDir, io, (s) => auditCommand(s, values.anchor ?? [], io));
      case 'identity':
      case 'awards':
      case 'verify':
      case 'results':
      case 'status-list':
      case 'verify-page': {
        const ctx = {
          values,
          args: rest,
          out: (t: string) => void io.stdout.write(t),
          write: (t: string) => write(io.stdout, t),
          err: (t: string) => void io.stderr.write(t),
          env: io.env,
          stdin: io.stdin,
          stderr: io.stderr,
        };
        const fn = await commandOf(command);
        try {
          return await withServices(dataDir, io, (s) => fn(s, ctx));
        } catch (err) {
          // Here any refusal is a 1 with its message, as these commands always did; usage is a 2.
          if (isAssayError(err) && err.code === 'usage') throw err;
          if (err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError)) {
            io.stderr.write(`${describe(err, dataDir)}\n`);
            return 1;
          }
          throw err;
        }
      }
      case 'backup': {
        const out = values.out;
        if (typeof out !== 'string') throw new UsageError('assay backup needs --out FILE');
        return await withServices(dataDir, io, async (s) => {
          // With an identity, the backup's audit head is signed (an anchor for "assay audit verify --anchor").
          const m = await s.backups.create(out);
          io.stdout.write(
            `Backed up ${m.evidence.files} evidence files (${(m.evidence.bytes / 1024 / 1024).toFixed(1)} MB) and the database to ${path.resolve(out)}.\n`,
          );
          return 0;
        });
      }
      case 'restore': {
        if (rest.length !== 1) throw new UsageError('assay restore takes exactly one backup FILE');
        const { restoreDataDir } = await import('../backup/backups.js');
        const m = await restoreDataDir(dataDir, rest[0]!);
        io.stdout.write(
          `Restored the backup of ${m.createdAt} into ${dataDir} (${m.evidence.files} evidence files).\n`,
        );
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (isAssayError(err) && err.code === 'usage') {
      io.stderr.write(`assay: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAssayError(err) && REFUSALS.has(err.code)) {
      io.stderr.write(`${err.message}\n`);
      return 1;
    }
    // Unexpected here (status 2), but worded for the command line.
    if (isAssayError(err) && err.code === 'identity-missing') throw new Error(describe(err, dataDir), { cause: err });
    throw err;
  }
}

/** Refusals every command reports with exit status 1 (others there are unexpected: status 2). */
const REFUSALS: ReadonlySet<string> = new Set([
  'import-refused',
  'store',
  'backup',
  'file-refused',
  'anchor',
  'calibration-required',
]);

/** The message for the command line: where the app says "in Settings", it names the commands. */
function describe(err: Error, dataDir: string): string {
  return isAssayError(err) && err.code === 'identity-missing' ? noIdentityMessage(dataDir) : err.message;
}

/** The commands that act on awards, identities, results and the verify page, loaded when one runs. */
async function commandOf(
  command: 'identity' | 'awards' | 'verify' | 'results' | 'status-list' | 'verify-page',
): Promise<(s: Services, ctx: CliContext) => Promise<number>> {
  switch (command) {
    case 'status-list':
      return (await import('./status-list-command.js')).statusListCommand;
    case 'verify-page':
      return (await import('./verify-page-command.js')).verifyPageCommand;
    default: {
      const m = await import('./award-commands.js');
      return {
        identity: m.identityCommand,
        awards: m.awardsCommand,
        verify: m.verifyCommand,
        results: m.resultsCommand,
      }[command];
    }
  }
}

/** `assay queue` needs the store and its queue only: opened without the rest of the services. */
async function withQueue(dataDir: string, fn: (s: QueueOnly) => Promise<number> | number): Promise<number> {
  const { openQueueOnly } = await import('../store/open-store.js');
  const only = openQueueOnly(dataDir);
  try {
    return await fn(only);
  } finally {
    only.close();
  }
}

async function withServices(dataDir: string, io: Io, fn: (s: Services) => Promise<number> | number): Promise<number> {
  const [{ openServices }, { cliKeyBoxes }] = await Promise.all([
    import('../services.js'),
    import('./award-commands.js'),
  ]);
  const services = openServices(dataDir);
  services.identity.useKeyBoxes(cliKeyBoxes(io));
  try {
    return await fn(services);
  } finally {
    services.close();
  }
}

type Importer = Pick<Services, 'importPackage'> & {
  describeImport: (r: Awaited<ReturnType<Services['importPackage']>>) => string;
};

/**
 * `assay import` needs the store and the importer only: opened without the rest of the services, whose
 * code (certificates, PDF, credentials) would take longer to load than a small package takes to import.
 */
async function withImporter(dataDir: string, fn: (s: Importer) => Promise<number>): Promise<number> {
  const [{ openStore }, { importPackage }, { describeImport }] = await Promise.all([
    import('../store/open-store.js'),
    import('../import/importer.js'),
    import('../../shared/domain/import.js'),
  ]);
  const store = openStore(dataDir);
  try {
    return await fn({ importPackage: (input, opts) => importPackage(store, input, opts), describeImport });
  } finally {
    store.close();
  }
}

async function importCommand(s: Importer, args: string[], io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('assay import takes exactly one PATH (a package folder or .zip)');
  const showProgress = io.stderr.isTTY === true;
  const onProgress = showProgress
    ? (p: ImportProgress) => {
        if (p.phase !== 'verifying' || p.bytesTotal === 0) return;
        const pct = Math.floor((100 * p.bytesDone) / p.bytesTotal);
        io.stderr.write(`\rVerifying evidence: ${pct}% (${p.filesDone}/${p.filesTotal} files)`);
      }
    : undefined;
  try {
    const result = await s.importPackage(args[0]!, onProgress ? { onProgress } : {});
    if (showProgress) io.stderr.write('\r\x1b[K');
    io.stdout.write(`${s.describeImport(result)}\n`);
    return 0;
  } catch (err) {
    if (showProgress) io.stderr.write('\r\x1b[K');
    throw err;
  }
}

async function sampleCommand(
  args: string[],
  flags: { 'with-calibration'?: boolean; 'with-seeds'?: boolean; 'second-reading'?: boolean },
  io: Io,
): Promise<number> {
  if (args.length !== 1) throw new UsageError('assay sample-package takes exactly one OUT_DIR');
  const calibration = flags['with-calibration'] === true;
  const seeds = flags['with-seeds'] === true;
  if (flags['second-reading'] && (calibration || seeds))
    throw new UsageError(
      'assay sample-package --second-reading writes a package of its own; it takes neither --with-calibration nor --with-seeds',
    );
  const { writeSamplePackage, writeSecondReadingPackage } = await import('../sample/sample-package.js');
  const r = flags['second-reading']
    ? await writeSecondReadingPackage(args[0]!)
    : await writeSamplePackage(args[0]!, { calibration, seeds });
  const extras = [
    r.calibrationSamples > 0 ? `${r.calibrationSamples} calibration samples` : '',
    r.seeds > 0 ? `${r.seeds} seeds` : '',
    r.secondReadings > 0 ? `${r.secondReadings} to read again` : '',
  ].filter(Boolean);
  io.stdout.write(
    `Wrote a ${flags['second-reading'] ? 'second-reading' : 'sample'} review package to ${r.dir}: ${r.achievements} achievements, ${r.submissions} submissions${extras.map((e) => `, ${e}`).join('')}, ${r.files} files (${(r.bytes / 1024).toFixed(0)} KiB).\n`,
  );
  return 0;
}

async function auditCommand(s: Services, anchorFiles: string[], io: Io): Promise<number> {
  // A bad anchor file is an AnchorError: reported with status 1 like every refusal.
  const v = await s.verifyAuditWithFiles(anchorFiles);
  if (v.ok) {
    const last = v.lastAnchor
      ? `; last anchor: entry ${v.lastAnchor.entries} in ${v.lastAnchor.source}`
      : '; no signed anchor yet, so entries removed from the end would not show';
    io.stdout.write(
      `Audit log intact: ${v.entries} entr${v.entries === 1 ? 'y' : 'ies'}, head ${v.head.slice(0, 16)}…, agrees with the reviews, awards and revocations${last}.\n`,
    );
    return 0;
  }
  if (v.brokenAt !== undefined) io.stderr.write(`Audit log broken at entry ${v.brokenAt}: ${v.reason}\n`);
  else
    io.stderr.write(
      `Audit log not intact: ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}:\n${v.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
  return 1;
}
