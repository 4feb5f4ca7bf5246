#!/usr/bin/env node
// The `assay` command: the same services as the desktop app, in plain Node.
import { createCrashPolicy, installCrashPolicy } from '../app/crash-policy.js';
import { run } from './commands.js';

// An error nothing caught (a stream's 'error' no one listened to …) is reported and ends the command
// with 70; store changes are transactions, so nothing half-done is kept.
installCrashPolicy(
  process,
  createCrashPolicy({
    log: (line) => process.stderr.write(`${line}\n`),
    tell: (summary, detail) => process.stderr.write(`assay: ${summary}: ${detail}\n`),
    exit: (code) => process.exit(code),
  }),
);

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`assay: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
