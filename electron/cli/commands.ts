// The `assay` subcommands; each opens the services on the data folder, acts, and closes them.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, createBackup, restoreBackup } from '../backup/backup.js';
import { awardsCommand, CliUsageError, identityCommand, resultsCommand, verifyCommand } from './award-commands.js';
import { describeImport, type ImportProgress } from '../../shared/domain/import.js';
import { SUBMISSION_STATUSES, submissionStatusSchema, type QueueItem } from '../../shared/domain/queue.js';
import { ImportError } from '../import/errors.js';
import { resolveDataDir } from '../paths.js';
import { writeSamplePackage } from '../sample/sample-package.js';
import { openServices, type Services } from '../services.js';
import { StoreError } from '../store/db.js';
import { FileRefusedError, regularFileSize } from '../files/bounded-read.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: assay <command> [options]

Commands:
  import PATH            Import a review package (a folder or a .zip)
  queue                  List the review queue
      --status S         only this status (${SUBMISSION_STATUSES.join(', ')}); repeatable
      --search TEXT      full-text search over earner names and responses
      --overdue          only submissions past their due date
      --sort KEY         due (default), submitted or earner
      --limit N          at most N rows (default 100)
      --blind            no earner identity at all
      --json             a JSON array instead of a table
  sample-package OUT_DIR Write a realistic sample review package
  audit verify           Check that the audit log's hash chain is intact
  identity show|create|import FILE.p12
                         The issuer's signing identity (--name, --url, --email, --logo PNG;
                         keys sealed with ASSAY_PASSPHRASE or a passphrase typed at the prompt)
  awards list|issue [--all|ID…]|revoke ID --reason R|export --out DIR [--format pdf,json,png] [--paper a4|letter]
  verify FILE            Check a certificate PDF, credential JSON or badge PNG (exit 1 if not valid)
  results export --out DIR | results verify PATH
                         The signed results package for the issuing body
  backup --out FILE      Write a consistent backup (.zip) of the store and the evidence
  restore FILE           Replace the data folder's store with a backup (checked first)

Options for every command:
  --data-dir DIR         the data folder (default: ASSAY_DATA_DIR, else the per-user
                         application data folder for "Assay")
  -h, --help             this text
`;

class UsageError extends Error {}

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr.write(`assay: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  try {
    switch (command) {
      case 'import':
        return await withServices(dataDir, (s) => importCommand(s, rest, io));
      case 'queue':
        return await withServices(dataDir, (s) => queueCommand(s, values, io));
      case 'sample-package':
        return await sampleCommand(rest, io);
      case 'audit':
        if (rest[0] !== 'verify') throw new UsageError('assay audit takes one subcommand: verify');
        return await withServices(dataDir, (s) => auditCommand(s, io));
      case 'identity':
      case 'awards':
      case 'verify':
      case 'results': {
        const ctx = { values, args: rest, out: (t: string) => void io.stdout.write(t), err: (t: string) => void io.stderr.write(t), env: io.env };
        const fn = { identity: identityCommand, awards: awardsCommand, verify: verifyCommand, results: resultsCommand }[command];
        try {
          return await withServices(dataDir, (s) => fn(s, ctx));
        } catch (err) {
          if (err instanceof CliUsageError) throw new UsageError(err.message);
          if (err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError)) {
            io.stderr.write(`${err.message}\n`);
            return 1;
          }
          throw err;
        }
      }
      case 'backup': {
        const out = values.out;
        if (typeof out !== 'string') throw new UsageError('assay backup needs --out FILE');
        return await withServices(dataDir, async (s) => {
          const m = await createBackup(s, out);
          io.stdout.write(`Backed up ${m.evidence.files} evidence files (${(m.evidence.bytes / 1024 / 1024).toFixed(1)} MB) and the database to ${path.resolve(out)}.\n`);
          return 0;
        });
      }
      case 'restore': {
        if (rest.length !== 1) throw new UsageError('assay restore takes exactly one backup FILE');
        // A pipe or a device would be opened and waited on for ever: only a regular file is a backup
        // (a missing one is left to restoreBackup, which names it).
        if (fs.existsSync(rest[0]!)) regularFileSize(path.resolve(rest[0]!), { what: 'The backup' });
        const m = await restoreBackup(dataDir, rest[0]!);
        io.stdout.write(`Restored the backup of ${m.createdAt} into ${dataDir} (${m.evidence.files} evidence files).\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`assay: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ImportError || err instanceof StoreError || err instanceof BackupError || err instanceof FileRefusedError) {
      io.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function withServices(dataDir: string, fn: (s: Services) => Promise<number> | number): Promise<number> {
  const services = openServices(dataDir);
  try {
    return await fn(services);
  } finally {
    services.close();
  }
}

async function importCommand(s: Services, args: string[], io: Io): Promise<number> {
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
    io.stdout.write(`${describeImport(result)}\n`);
    return 0;
  } catch (err) {
    if (showProgress) io.stderr.write('\r\x1b[K');
    throw err;
  }
}

function queueCommand(s: Services, values: Record<string, unknown>, io: Io): number {
  const statuses = ((values.status as string[] | undefined) ?? []).map((v) => {
    const r = submissionStatusSchema.safeParse(v);
    if (!r.success) throw new UsageError(`--status "${v}" is not one of ${SUBMISSION_STATUSES.join(', ')}`);
    return r.data;
  });
  const sort = (values.sort as string | undefined) ?? 'due';
  if (!['due', 'submitted', 'earner'].includes(sort)) throw new UsageError(`--sort "${sort}" is not one of due, submitted, earner`);
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000');
  const blind = values.blind === true;
  const page = s.queue.list({
    ...(statuses.length ? { status: statuses } : {}),
    ...(typeof values.search === 'string' ? { search: values.search } : {}),
    ...(values.overdue === true ? { overdue: true } : {}),
    sort: sort as 'due' | 'submitted' | 'earner',
    limit,
    blind,
  });
  if (values.json === true) {
    const rows = page.items.map((i) => {
      const { overdue: _overdue, ...row } = i;
      return row;
    });
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(formatTable(page.items, blind));
  io.stdout.write(`${page.items.length} of ${page.total} submission${page.total === 1 ? '' : 's'}\n`);
  return 0;
}

function formatTable(items: QueueItem[], blind: boolean): string {
  const head = ['Due', 'Status', 'Try', ...(blind ? [] : ['Earner']), 'Achievement', 'Submission'];
  const rows = items.map((i) => [
    (i.dueAt ? i.dueAt.slice(0, 10) : '—') + (i.overdue ? ' !' : ''),
    i.status,
    String(i.attempt),
    ...(blind ? [] : [i.earnerName ?? '']),
    i.achievementName,
    i.id,
  ]);
  const width = displayWidth;
  const widths = head.map((h, c) => rows.reduce((most, r) => Math.max(most, width(r[c]!)), width(h)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.normalize('NFC') + ' '.repeat(widths[c]! - width(cell))).join('  ').trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}

async function sampleCommand(args: string[], io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('assay sample-package takes exactly one OUT_DIR');
  const r = await writeSamplePackage(args[0]!);
  io.stdout.write(`Wrote a sample review package to ${r.dir}: ${r.achievements} achievements, ${r.submissions} submissions, ${r.files} files (${(r.bytes / 1024).toFixed(0)} KiB).\n`);
  return 0;
}

function auditCommand(s: Services, io: Io): number {
  const v = s.verifyAudit();
  if (v.ok) {
    io.stdout.write(`Audit log intact: ${v.entries} entr${v.entries === 1 ? 'y' : 'ies'}, head ${v.head.slice(0, 16)}…\n`);
    return 0;
  }
  io.stderr.write(`Audit log broken at entry ${v.brokenAt}: ${v.reason}\n`);
  return 1;
}

/** Terminal columns a string takes: wide East Asian characters count two, combining marks none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    if (/\p{M}/u.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}
