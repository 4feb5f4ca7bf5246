// A child process for crash tests (built into dist/test/support): it runs one real operation and
// stops at a chosen point, so the parent can SIGKILL it there. Deterministic: the child says
// "stopped" on stdout and then blocks (or kills itself), so the kill always lands at that point.
//
//   node kill-harness.js cli ARGS…                     an `assay` command; with KILL_WRITE_MATCH (a
//        regular expression on file names) and KILL_WRITE_AFTER (bytes), the first write to a matching
//        file stops after that many bytes have reached the disk
//   node kill-harness.js restore DATA_DIR BACKUP STEP   a restore that SIGKILLs itself after STEP
//   node kill-harness.js backup DATA_DIR OUT            a backup that stops once it copies evidence
//   node kill-harness.js import DATA_DIR PACKAGE        an import that pauses before it saves until
//        a line arrives on stdin
//   node kill-harness.js atomic FILE BYTES sync|stream|commit   writes BYTES new bytes through the
//        atomic-write module and stops half way (or just after the commit)
import fs from 'node:fs';

const original = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  writeFileSync: fs.writeFileSync,
  closeSync: fs.closeSync,
};

function say(line: string): void {
  original.writeSync(1, `${line}\n`);
}

function hang(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

function stop(): never {
  say('stopped');
  return hang();
}

/** Intercepts writes to files whose name matches, and stops once `after` bytes of one are written. */
function armWriteKill(match: RegExp, after: number): void {
  const paths = new Map<number, string>();
  const written = new Map<number, number>();
  const f = fs as unknown as Record<string, unknown>;
  f.openSync = (p: fs.PathLike, ...rest: unknown[]) => {
    const fd = (original.openSync as (...a: unknown[]) => number)(p, ...rest);
    paths.set(fd, String(p));
    return fd;
  };
  f.writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    const file = paths.get(fd);
    if (file && match.test(file) && typeof data !== 'string') {
      const offset = typeof rest[0] === 'number' ? rest[0] : 0;
      const length = typeof rest[1] === 'number' ? rest[1] : data.byteLength - offset;
      const sofar = written.get(fd) ?? 0;
      if (sofar + length >= after) {
        const part = after - sofar;
        if (part > 0) original.writeSync(fd, data, offset, part);
        stop();
      }
      written.set(fd, sofar + length);
    }
    return (original.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
  };
  f.writeFileSync = (target: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (typeof target !== 'number' && match.test(String(target))) {
      const bytes =
        typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (bytes.length >= after) {
        const fd = original.openSync(target, 'w');
        original.writeSync(fd, bytes, 0, after);
        stop();
      }
    }
    (original.writeFileSync as (...a: unknown[]) => void)(target, data, ...rest);
  };
}

async function main(): Promise<number> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'cli') {
    if (process.env.KILL_WRITE_MATCH)
      armWriteKill(new RegExp(process.env.KILL_WRITE_MATCH), Number(process.env.KILL_WRITE_AFTER ?? '1'));
    const { run } = await import('../../electron/cli/commands.js');
    return run(args, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      get stdin() {
        return process.stdin;
      },
    });
  }
  if (mode === 'restore') {
    const [dataDir, backup, at] = args as [string, string, string];
    const { restoreBackup } = await import('../../electron/backup/backup.js');
    await restoreBackup(dataDir, backup, () => {}, {
      onStep: (step) => {
        if (step === at) process.kill(process.pid, 'SIGKILL');
      },
    });
    return 0;
  }
  if (mode === 'backup') {
    const [dataDir, out] = args as [string, string];
    const { createBackup } = await import('../../electron/backup/backup.js');
    const { openServices } = await import('../../electron/services.js');
    const s = openServices(dataDir);
    await createBackup(s, out, (p) => {
      if (p.phase === 'evidence') stop();
    });
    return 0;
  }
  if (mode === 'import') {
    const [dataDir, pkg] = args as [string, string];
    const { openServices } = await import('../../electron/services.js');
    const s = openServices(dataDir);
    const r = await s.importPackage(pkg, {
      onProgress: (p) => {
        if (p.phase !== 'saving') return;
        say('paused');
        fs.readSync(0, Buffer.alloc(1));
      },
    });
    s.close();
    say(`imported ${r.status}`);
    return 0;
  }
  if (mode === 'atomic') {
    const [file, n, how] = args as [string, string, string];
    const bytes = Buffer.alloc(Number(n), 0x4e);
    const atomic = await import('../../electron/store/atomic-write.js');
    if (how === 'sync') {
      armWriteKill(/\.partial$/, bytes.length / 2);
      atomic.writeFileAtomic(file, bytes);
    } else if (how === 'stream') {
      await atomic.writeStreamAtomic(
        file,
        (async function* () {
          yield bytes.subarray(0, bytes.length / 2);
          stop();
        })(),
      );
    } else {
      atomic.writeFileAtomic(file, bytes);
      stop();
    }
    return 0;
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
