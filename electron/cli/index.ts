#!/usr/bin/env node
// The `assay` command: the same services as the desktop app, in plain Node.
import { run } from './commands.js';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`assay: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
