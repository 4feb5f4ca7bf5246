#!/usr/bin/env node
// The `assay` command: the same services as the desktop app, in plain Node.
import { createCrashPolicy, installCrashPolicy } from '../app/crash-policy.js';
import { run, type Io } from './commands.js';

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

// `assay queue | head -n 1`: the reader has gone, so there is nobody left to tell anything. Node
// ignores SIGPIPE and reports EPIPE as a stream error, which unhandled is a crash with a stack
// trace; end quietly instead, with status 0, as the reader asked for no more. Every change to the
// store is a committed transaction, so stopping here leaves it consistent: a batch simply stops
// where it was, as any Unix tool killed by SIGPIPE would.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

// stdin is looked up only when a command asks for a passphrase, as before: touching process.stdin
// opens it, which nothing else needs.
const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  get stdin() {
    return process.stdin;
  },
};
void run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
