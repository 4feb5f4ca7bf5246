// Validates a call against the contract, runs its handler and shapes the answer; no Electron here.
import { ZodError } from 'zod';
import { contract, type Channel, type IpcResult } from '../../shared/ipc/contract.js';
import { isAssayError } from '../../shared/errors.js';
import type { Handlers } from './handlers.js';

/** What the window is told about a fault: nothing of its internals. */
export const INTERNAL_MESSAGE = 'Assay could not complete this; the details are in the log.';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: (msg: string) => void = console.error,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
    return { ok: false, error: { code: 'unknown-channel', message: `There is no operation "${name}".` } };
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: {
        code: 'bad-input',
        message: `The request to ${channel} was not understood${where}: ${issue?.message ?? 'invalid input'}.`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (err) {
    // An expected condition: its code and its sentence, and nothing in the log (it is not a fault).
    if (isAssayError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    if (err instanceof ZodError) log(`[ipc] ${channel} produced output that breaks the contract: ${err.message}`);
    else log(`[ipc] ${channel} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    // Anything else is a fault: the details go to the log, never to the window.
    return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
  }
}
