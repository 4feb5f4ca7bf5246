// Runs the kill harness (dist/test/support/kill-harness.js) and kills it where it stops.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const HARNESS = path.resolve('dist/test/support/kill-harness.js');
export const CLI = path.resolve('dist/electron/cli/index.js');

export function requireBuild(): void {
  for (const f of [HARNESS, CLI])
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run "npm run build" first (npm test does)`);
}

export interface ChildOutcome {
  /** 'stopped': it reached the chosen point and was killed there; 'exited': it ended by itself. */
  how: 'stopped' | 'killed-itself' | 'exited';
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the harness; SIGKILLs it as soon as it prints "stopped"; resolves when it has gone. */
export function runHarness(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildOutcome> {
  const child = spawn(process.execPath, [HARNESS, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (!stopped && /^stopped$/m.test(stdout)) {
      stopped = true;
      child.kill('SIGKILL');
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ how: stopped ? 'stopped' : signal === 'SIGKILL' ? 'killed-itself' : 'exited', code, stdout, stderr }),
    ),
  );
}
