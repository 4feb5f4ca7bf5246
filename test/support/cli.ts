// Runs the `assay` command in this process through `run`, the function the built binary calls, with
// stdout and stderr collected: the same code path as a user's command without starting Node for each
// one. Tests spawn the built binary only where a separate process matters (a kill, a real pipe, the
// bin script itself); see test/cli/cli.test.ts for the smoke test of the binary.
import { Readable, Writable } from 'node:stream';
import { run } from '../../electron/cli/commands.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * `assay ARGS…`. The command sees exactly `env` (nothing from the shell that runs the tests leaks in),
 * and a stdin that is not a terminal, so a missing passphrase is refused rather than asked for.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const code = await run(args, { stdout: out.stream, stderr: err.stream, env, stdin: Readable.from([]) });
  return { code, stdout: out.text(), stderr: err.text() };
}
