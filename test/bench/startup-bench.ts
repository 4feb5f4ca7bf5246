// Start-up: a fresh process to the first queue page of a 100k store. Each kind runs as a new process, the
// kinds interleaved round by round (their order rotated), so disk cache and machine load fall alike on all:
//   peer    Node + better-sqlite3 alone, running the CLI's page, rows and count queries (the floor);
//   cli     `assay queue --limit 50` (opens only the store and the queue);
//   app     what the app's main process does: every service opened, then the first page (loads the award,
//           PDF and credential code the CLI leaves out; Electron's window does not wait for it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/store/open-store.js';
import { queueSql, ROWS_SQL } from '../../electron/queue/queue.js';
import { parseQueueQuery } from '../../shared/domain/queue.js';
import { fmtMs, heading, line, nowMs } from './stats.js';
import { buildBigStore } from './store-bench.js';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 9);
const CLI = path.resolve('dist/electron/cli/index.js');
const SERVICES = path.resolve('dist/electron/services.js');

export async function benchStartup(work: string): Promise<void> {
  // BENCH_BIG_STORE=DIR: the queue bench's store (built there when missing).
  const dataDir = process.env.BENCH_BIG_STORE ?? path.join(work, 'startup-store');
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) await buildBigStore(dataDir);
  const dbFile = path.join(dataDir, DATABASE_FILE);
  const count = spawnSync(
    process.execPath,
    [
      '-e',
      `const D=require('better-sqlite3');console.log(new D(${JSON.stringify(dbFile)},{readonly:true}).prepare('SELECT count(*) FROM submissions').pluck().get())`,
    ],
    { encoding: 'utf8', cwd: process.cwd() },
  ).stdout.trim();
  heading(
    `Start-up: fresh process to the first queue page (50 rows) of a store of ${Number(count).toLocaleString('en')} submissions`,
  );

  // The page and count queries `assay queue --limit 50` runs (the store has no calibration samples).
  const page = queueSql(parseQueueQuery({ limit: 50 }));
  const kinds: { name: string; args: string[]; check: (out: string) => boolean }[] = [
    {
      name: 'peer: Node + better-sqlite3, the same queries',
      args: [
        '-e',
        `const D=require('better-sqlite3');const db=new D(${JSON.stringify(dbFile)});` +
          `const seqs=db.prepare(${JSON.stringify(page.sql)}).pluck().all(...${JSON.stringify(page.params)});` +
          `const rows=db.prepare(${JSON.stringify(ROWS_SQL)}).all(JSON.stringify(seqs));` +
          `const total=db.prepare(${JSON.stringify(page.countSql)}).pluck().get(...${JSON.stringify(page.countParams)});` +
          `process.stdout.write(rows.map(r=>r.id).join('\\n')+'\\n'+total+' submissions\\n');db.close();`,
      ],
      check: (out) => out.trim().split('\n').length === 51,
    },
    {
      name: 'cli: assay queue --limit 50',
      args: [CLI, 'queue', '--limit', '50', '--data-dir', dataDir],
      check: (out) => out.includes('submissions'),
    },
    {
      name: 'app: every service opened, then the page',
      args: [
        '--input-type=module',
        '-e',
        `const { openServices } = await import(${JSON.stringify(SERVICES)});` +
          `const s = openServices(${JSON.stringify(dataDir)});` +
          `const p = s.queue.list({ limit: 50 });process.stdout.write(p.items.length + ' rows\\n');s.close();`,
      ],
      check: (out) => out.startsWith('50 rows'),
    },
  ];
  // BENCH_STARTUP_BASELINE=<another checkout's dist/electron/cli/index.js>: that build's `assay queue` too, for a before/after.
  const baseline = process.env.BENCH_STARTUP_BASELINE;
  if (baseline)
    kinds.push({
      name: `baseline: ${path.basename(path.dirname(path.dirname(path.dirname(path.dirname(baseline)))))} assay queue`,
      args: [baseline, 'queue', '--limit', '50', '--data-dir', dataDir],
      check: (out) => out.includes('submissions'),
    });
  const times = kinds.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < kinds.length; k++) {
      const i = (k + r) % kinds.length;
      const kind = kinds[i]!;
      const t0 = nowMs();
      const run = spawnSync(process.execPath, kind.args, { encoding: 'utf8', cwd: process.cwd() });
      const ms = nowMs() - t0;
      if (run.status !== 0 || !kind.check(run.stdout))
        throw new Error(`start-up bench: "${kind.name}" failed (status ${run.status}): ${run.stderr || run.stdout}`);
      times[i]!.push(ms);
    }
  }
  const stats = times.map((t) => {
    const s = [...t].sort((a, b) => a - b);
    return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s.at(-1)! };
  });
  kinds.forEach((kind, i) => {
    const s = stats[i]!;
    const ratio = i === 0 ? '' : ` · ${(s.median / stats[0]!.median).toFixed(2)}x the peer's median`;
    line(kind.name, fmtMs(s.median), `min ${fmtMs(s.min)} · max ${fmtMs(s.max)} · ${ROUNDS} rounds${ratio}`);
  });
}
