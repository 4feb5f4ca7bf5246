// Validates a call against the contract, runs its handler and shapes the answer; no Electron here.
import { ZodError } from 'zod';
import { contract, type Channel, type IpcResult } from '../../shared/ipc/contract.js';
import { ImportError } from '../import/errors.js';
import { StoreError } from '../store/db.js';
import { ScoringError } from '../../shared/domain/decision.js';
import { ReviewConflictError } from '../review/reviews.js';
import { NotFoundError } from '../review/workspace.js';
import { LibraryError } from '../library/errors.js';
import { IdentityError } from '../awards/identity/index.js';
import { AwardAlreadyIssuedError, AwardError } from '../awards/awards.js';
import { BackupError } from '../backup/backup.js';
import { FileRefusedError } from '../files/bounded-read.js';
import { ChoiceError } from './choices.js';
import type { Handlers } from './handlers.js';

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
    if (err instanceof ChoiceError) return { ok: false, error: { code: 'choice', message: err.message } };
    if (err instanceof FileRefusedError) return { ok: false, error: { code: 'file-refused', message: err.message } };
    if (err instanceof ImportError) return { ok: false, error: { code: 'import-refused', message: err.message } };
    if (err instanceof StoreError) return { ok: false, error: { code: 'store', message: err.message } };
    if (err instanceof IdentityError)
      return { ok: false, error: { code: `identity-${err.code}`, message: err.message } };
    if (err instanceof AwardAlreadyIssuedError)
      return { ok: false, error: { code: 'award-already-issued', message: err.message } };
    if (err instanceof AwardError) return { ok: false, error: { code: 'award', message: err.message } };
    if (err instanceof BackupError) return { ok: false, error: { code: 'backup', message: err.message } };
    if (err instanceof LibraryError) return { ok: false, error: { code: err.code, message: err.message } };
    if (err instanceof NotFoundError) return { ok: false, error: { code: 'not-found', message: err.message } };
    if (err instanceof ReviewConflictError) return { ok: false, error: { code: 'conflict', message: err.message } };
    if (err instanceof ScoringError) return { ok: false, error: { code: 'scoring', message: err.message } };
    if (err instanceof ZodError) {
      log(`[ipc] ${channel} produced output that breaks the contract: ${err.message}`);
      return {
        ok: false,
        error: { code: 'internal', message: 'Assay could not complete this; the details are in the log.' },
      };
    }
    log(`[ipc] ${channel} failed: ${(err as Error).stack ?? String(err)}`);
    return {
      ok: false,
      error: { code: 'internal', message: `Assay could not complete this: ${(err as Error).message}` },
    };
  }
}
