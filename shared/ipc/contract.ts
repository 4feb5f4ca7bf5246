// The one IPC contract between the renderer and the main process: channels, inputs, outputs, events.
import { z } from 'zod';
import { importProgressSchema, importResultSchema } from '../domain/import.js';
import { queuePageSchema, queueQuerySchema, statusCountsSchema } from '../domain/queue.js';

const none = z.undefined();

export const achievementSummarySchema = z.object({ id: z.string(), name: z.string(), versions: z.number() });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  /** True until the first package is imported: the queue screen offers the sample package. */
  firstRun: z.boolean(),
});

/**
 * Every channel, named `domain:verb`. The renderer's `Api` type, the preload and the main-process
 * registration are all derived from this table, so a channel cannot exist on one side only.
 */
export const contract = {
  /** One page of the review queue with filters, sort and search; blind hides all earner identity. */
  'queue:list': { input: queueQuerySchema, output: queuePageSchema },
  /** Submissions per status, and how many are overdue. */
  'queue:counts': { input: none, output: statusCountsSchema },
  /** The achievements in the store, for the queue's filter. */
  'queue:achievements': { input: none, output: z.array(achievementSummarySchema) },
  /** Shows the system's open dialog for a package folder or .zip; null when cancelled. */
  'import:choose': { input: none, output: z.string().nullable() },
  /** Imports the package at a path the assessor chose or dropped; progress arrives as `import:progress`. */
  'import:package': { input: z.object({ path: z.string().min(1) }), output: importResultSchema },
  /** Writes the built-in sample package to a temporary folder and imports it (first run). */
  'import:sample': { input: none, output: importResultSchema },
  /** Name, version, data folder and whether this is the first run. */
  'app:info': { input: none, output: appInfoSchema },
  /** Opens an http(s) address in the system browser after the assessor confirms; false if declined. */
  'app:openExternal': { input: z.object({ url: z.string().url() }), output: z.boolean() },
} as const;

/** Events the main process sends to the renderer. */
export const events = {
  'import:progress': importProgressSchema,
  /** The application menu asked for something the renderer shows (e.g. File > Import package…). */
  'menu:command': z.enum(['import', 'about']),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export interface IpcError {
  /** bad-input, import-refused, not-found, conflict, internal … */
  code: string;
  /** A sentence an assessor can act on. */
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the renderer calls: one method per channel (input omitted where there is none). */
export type Api = {
  [C in Channel]: ChannelInput<C> extends undefined ? () => Promise<IpcResult<ChannelOutput<C>>> : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The file-system path of a file dropped on the window (Electron's webUtils), or null. */
  pathForFile(file: Blob): string | null;
};

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
