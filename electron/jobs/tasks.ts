// The job implementations: thin calls into the existing pure functions, with cancellation at the
// points where stopping leaves nothing half done, and the removal of whatever a stopped job wrote.
import fs from 'node:fs';
import { AssayError } from '../../shared/errors.js';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { awardFileName, CertificateBatch, certificateMaker, exportAwardFiles } from '../awards/award-files.js';
import type { Award } from '../awards/awards.js';
import { buildCadesSignature } from '../awards/certificate/cms.js';
import { createBackup } from '../backup/backup.js';
import { exportResults } from '../results/results.js';
import { anchorSigner, sealAuditHead } from '../store/audit-anchor.js';
import { verifyPageUrlSetting } from '../awards/verify-page/config.js';
import { identityFrom, type JobContext, type JobServices } from './context.js';
import { JobCancelledError } from './errors.js';
import type { JobInput, JobKind, JobOutput } from './protocol.js';

type Task<K extends JobKind> = (input: JobInput<K>, ctx: JobContext<K>) => Promise<JobOutput<K>>;

/** Whether the job writes to the store (its worker then opens a writable connection). */
export const WRITES_STORE: Record<JobKind, boolean> = {
  'awards-issue': true,
  'awards-export': false,
  certificate: false,
  // Both seal the audit head (a signed checkpoint of the log) before they read it.
  'results-export': true,
  backup: true,
  // Issues or revokes the round's awards, and seals the audit head.
  'coordination-final': true,
  'coordination-open': true,
};

function award(s: JobServices, credentialId: string): Award {
  const a = s.awards.get(credentialId);
  if (!a) throw new AssayError('not-found', `There is no award ${credentialId}.`);
  return a;
}

const issue: Task<'awards-issue'> = async ({ identity, submissionIds }, ctx) => {
  const id = identityFrom(identity);
  const issued: Award[] = [];
  const failed: { submissionId: string; message: string }[] = [];
  let done = 0;
  for (const submissionId of submissionIds) {
    // Between awards only: each award is signed, then written in one transaction, whole or not at all.
    ctx.checkpoint();
    try {
      issued.push(await ctx.services.awards.issue(submissionId, id));
    } catch (err) {
      failed.push({ submissionId, message: (err as Error).message });
    }
    ctx.progress({ done: ++done, total: submissionIds.length });
  }
  return { issued, failed };
};

/** Awards read from the store and rendered at a time by an export (one certificate batch each: its font subsets freed). */
export const EXPORT_PAGE = 100;

const exportAwards: Task<'awards-export'> = async (input, ctx) => {
  const { services } = ctx;
  const ids = input.credentialIds;
  const identity = input.identity ? identityFrom(input.identity) : undefined;
  // A re-export replaces existing files with complete new ones; a stopped export removes only the files it added,
  // so the folder is as it was (each file is written atomically: whole or absent). Awards are read a page at a time,
  // so an export of any size holds one page of them.
  const added: string[] = [];
  const files: string[] = [];
  try {
    for (let start = 0; start < ids.length; start += EXPORT_PAGE) {
      const page = ids.slice(start, start + EXPORT_PAGE).map((c) => award(services, c));
      for (const a of page)
        for (const f of (['pdf', 'json', 'png'] as const).filter((x) => input.formats.includes(x))) {
          const target = path.join(input.outDir, awardFileName(a, f));
          if (!fs.existsSync(target)) added.push(target);
        }
      const written = await exportAwardFiles(
        services,
        identity,
        page,
        input.outDir,
        input.formats,
        input.paper,
        (p) => {
          const done = start + p.done;
          ctx.progress({ done, total: ids.length });
          if (done < ids.length) ctx.checkpoint();
        },
      );
      files.push(...written);
    }
    return { files };
  } catch (err) {
    for (const f of added) fs.rmSync(f, { force: true });
    throw err;
  }
};

const certificate: Task<'certificate'> = async ({ identity, credentialId, paper }, ctx) => {
  const a = award(ctx.services, credentialId);
  const pdf = await new CertificateBatch(identityFrom(identity), paper, verifyPageUrlSetting(ctx.services.db)).pdf(a);
  ctx.progress({ done: 1, total: 1 });
  return { pdf };
};

const exportResultsTask: Task<'results-export'> = async (input, ctx) => {
  const { services } = ctx;
  const id = identityFrom(input.identity);
  const created = !fs.existsSync(input.outDir);
  services.db.transaction(() => sealAuditHead(services.db, anchorSigner(id))).immediate();
  try {
    return await exportResults(
      services,
      input.outDir,
      {
        name: id.profile.name,
        signDetached: (data) => buildCadesSignature(id, createHash('sha256').update(data).digest()),
      },
      {
        certificates: () => certificateMaker(id, input.paper, verifyPageUrlSetting(services.db)),
        statusListIdentity: id,
        ...(input.now ? { now: new Date(input.now) } : {}),
        // The files are written after the last submission: stopping in the loop writes none.
        onProgress: (done, total) => {
          ctx.progress({ done, total });
          ctx.checkpoint();
        },
      },
    );
  } catch (err) {
    // The folder this export made (empty: a stopped export writes nothing) goes too.
    if (err instanceof JobCancelledError && created) fs.rmSync(input.outDir, { recursive: true, force: true });
    throw err;
  }
};

const backup: Task<'backup'> = async (input, ctx) => {
  const { services } = ctx;
  const id = input.identity ? identityFrom(input.identity) : undefined;
  if (id) services.db.transaction(() => sealAuditHead(services.db, anchorSigner(id))).immediate();
  // createBackup removes its work folder whatever happens, and writes the .zip (atomically) last.
  return createBackup(
    services,
    input.outFile,
    (p) => {
      ctx.progress(p);
      if (p.phase !== 'done') ctx.checkpoint();
    },
    input.now ? new Date(input.now) : new Date(),
    id ? anchorSigner(id) : undefined,
  );
};

const coordinationFinal: Task<'coordination-final'> = async (input, ctx) => {
  const created = !fs.existsSync(input.outDir);
  // Loaded when a final package is written: the coordination code is not every worker's.
  const { exportFinal } = await import('../coordination/final.js');
  try {
    return await exportFinal(
      ctx.services.db,
      identityFrom(input.identity),
      input.outDir,
      input.paper,
      input.now ? new Date(input.now) : new Date(),
      {
        // Between awards and between certificates: an award is signed and recorded whole; the package's
        // files are written after the last certificate, so stopping writes none of them.
        onProgress: (done, total) => {
          ctx.progress({ done, total });
          ctx.checkpoint();
        },
      },
    );
  } catch (err) {
    if (err instanceof JobCancelledError && created) fs.rmSync(input.outDir, { recursive: true, force: true });
    throw err;
  }
};

const coordinationOpen: Task<'coordination-open'> = async (input, ctx) => {
  // Loaded when packages are opened: the coordination code is not every worker's.
  const [{ openPackages }, { AdaptiveWriter, InlineWriter, ThreadWriter }, { storeTrust }] = await Promise.all([
    import('../coordination/open.js'),
    import('../coordination/open-writer.js'),
    import('../awards/trust.js'),
  ]);
  const { db, dataDir } = ctx.services;
  const thread = input.writerThread;
  return openPackages(db, input.paths, {
    trust: storeTrust(db, dataDir),
    ...(input.secondReadingsOnly ? { secondReadingsOnly: true } : {}),
    writer: thread
      ? new AdaptiveWriter(db, () => new ThreadWriter(thread), input.threadFromRows)
      : new InlineWriter(db),
    // After each package checked: stopped there, the opening keeps nothing (its rows are rolled back).
    onProgress: (done, total) => {
      ctx.progress({ done, total });
      ctx.checkpoint();
    },
  });
};

const TASKS: { [K in JobKind]: Task<K> } = {
  'awards-issue': issue,
  'awards-export': exportAwards,
  certificate,
  'results-export': exportResultsTask,
  backup,
  'coordination-final': coordinationFinal,
  'coordination-open': coordinationOpen,
};

export function runTask<K extends JobKind>(kind: K, input: JobInput<K>, ctx: JobContext<K>): Promise<JobOutput<K>> {
  return (TASKS[kind] as Task<K>)(input, ctx);
}
