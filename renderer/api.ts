// The one module that reads window.api: typed calls that unwrap { ok, value } or throw an ApiError.
import { t } from './strings/en.js';
import type {
  Api,
  Channel,
  ChannelInput,
  ChannelOutput,
  DroppedFiles,
  EventName,
  EventPayload,
  IpcErrorCode,
  IpcResult,
} from '../shared/ipc/contract.js';
import type { DropPurpose } from '../shared/domain/choices.js';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e harness); absent when the page is opened by itself. */
    readonly api?: Api;
  }
}

/** Codes the renderer itself raises: no bridge to main, or dropped files that came with no path. */
export type ClientErrorCode = 'no-bridge' | 'no-path';
export type ApiErrorCode = IpcErrorCode | ClientErrorCode;

/** A refusal or failure from main: `code` for the program, `message` written for the assessor. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly channel?: Channel,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): Api {
  const api = window.api;
  if (!api) throw new ApiError('no-bridge', t.errors.noBridge);
  return api;
}

type Args<C extends Channel> = ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>];

/** Calls a channel and returns its value, or throws an ApiError carrying the code and message. */
export async function call<C extends Channel>(channel: C, ...args: Args<C>): Promise<ChannelOutput<C>> {
  const method = bridge()[channel] as (...a: unknown[]) => Promise<IpcResult<ChannelOutput<C>>>;
  const result = await method(...args);
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, channel);
}

/** Subscribes to an event from main; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = window.api;
  if (!api) return () => {};
  return api.on(event, listener);
}

/**
 * Files dropped on the window, as tokens for `purpose` once the person confirmed them in main's
 * dialog (none when declined); `withoutPath` counts files that did not come from the disk.
 */
export async function dropFiles(files: readonly Blob[], purpose: DropPurpose): Promise<DroppedFiles> {
  const result = await bridge().dropFiles(files, purpose);
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, 'dialog:confirmDrop');
}

/** The human message of anything thrown, for display. */
export function errorMessage(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message) return err.message;
  return fallback;
}

export function errorCode(err: unknown): ApiErrorCode {
  return err instanceof ApiError ? err.code : 'internal';
}
