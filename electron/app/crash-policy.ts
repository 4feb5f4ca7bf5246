// What Assay does with an error nothing caught (process 'uncaughtException' / 'unhandledRejection'),
// in the app and the CLI alike: log it in full, tell the person in words, and lose nothing.
// No Electron here: main.ts and the CLI pass in how to log, tell and exit, so the policy is tested as is.

export type Fault = 'uncaughtException' | 'unhandledRejection';

export interface CrashPolicyOptions {
  /** Where the full details go (the stack): the app's log, the CLI's stderr. */
  log(line: string): void;
  /** Tells the person: a dialog in the app, a line on stderr in the CLI. */
  tell(summary: string, detail: string): void;
  /**
   * Ends the process after either fault (the CLI: it has nothing unsaved, and a half-run command
   * must not report success). Absent (the app): Assay keeps running, so work not yet saved
   * in the window is not thrown away; every store change is one SQLite transaction, so what was
   * committed is safe and what was not left no trace, and staged files are settled on the next start.
   */
  exit?: (code: number) => void;
  /** Tell at most this many times; later faults are only logged (a loop of errors is not a loop of dialogs). */
  maxTold?: number;
}

/** sysexits' EX_SOFTWARE: an internal error, distinct from the CLI's 1 (refused input) and 2 (usage). */
export const EXIT_INTERNAL = 70;

function describe(error: unknown): { message: string; detail: string } {
  try {
    if (error instanceof Error)
      return { message: error.message || error.name, detail: error.stack ?? `${error.name}: ${error.message}` };
    const text = typeof error === 'string' ? error : ((JSON.stringify(error) as string | undefined) ?? String(error));
    return { message: text.slice(0, 500), detail: text };
  } catch {
    // An object whose toString or toJSON throws is still a fault to report.
    return { message: 'an error that could not be described', detail: Object.prototype.toString.call(error) };
  }
}

/** The handler for both events; install it with installCrashPolicy. Never throws itself. */
export function createCrashPolicy(options: CrashPolicyOptions): (kind: Fault, error: unknown) => void {
  const maxTold = options.maxTold ?? 3;
  let told = 0;
  return (kind, error) => {
    const { message, detail } = describe(error);
    try {
      options.log(`[${kind}] ${detail}`);
    } catch {
      // Logging failed (a closed stream): telling the person still matters.
    }
    if (told < maxTold) {
      told++;
      const summary =
        kind === 'unhandledRejection'
          ? 'Something Assay was doing in the background failed'
          : 'Assay hit an unexpected error';
      const next = options.exit
        ? 'The command stopped; what it had committed is kept, and nothing half-done was kept.'
        : 'Your saved work is safe. If something looks wrong, save what you are doing and restart Assay.';
      try {
        options.tell(summary, `${message}\n\n${next}`);
      } catch {
        // No way to tell (no window yet): the log has it.
      }
    }
    if (options.exit) options.exit(EXIT_INTERNAL);
  };
}

/** Hooks the policy to a process (`process` in main and the CLI). */
export function installCrashPolicy(
  proc: Pick<NodeJS.Process, 'on'>,
  handle: (kind: Fault, error: unknown) => void,
): void {
  proc.on('uncaughtException', (error) => handle('uncaughtException', error));
  proc.on('unhandledRejection', (reason) => handle('unhandledRejection', reason));
}
