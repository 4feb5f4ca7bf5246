// The real handler table over a real store, with "the person" at the dialogs: tests say what they
// would pick, and the handlers register it as a token exactly as main does with its own dialogs.
import path from 'node:path';
import { passphraseBox } from '../../electron/awards/identity/index.js';
import { Choices } from '../../electron/ipc/choices.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers, type Handlers, type Platform } from '../../electron/ipc/handlers.js';
import { openServices, type Services } from '../../electron/services.js';
import type { DropPurpose, PathPurpose } from '../../shared/domain/choices.js';
import type { IpcResult } from '../../shared/ipc/contract.js';

export interface Person {
  /** What the file dialog for a purpose answers next (null: cancelled). */
  picks: Partial<Record<PathPurpose, string | null>>;
  /** What the import dialog answers next. */
  importPick: string | null;
  /** Whether the person says yes to dropped files. */
  confirmsDrops: boolean;
  /** What main's drop confirmation showed the person. */
  dropsShown: { purpose: DropPurpose; paths: readonly string[] }[];
}

export interface PersonIpc {
  services: Services;
  handlers: Handlers;
  choices: Choices;
  person: Person;
  /** What the dispatcher logged (faults, with their stacks; expected refusals log nothing). */
  log: string[];
  /** Calls a channel through the real dispatcher (validation, handler, output check). */
  call(channel: unknown, input?: unknown): Promise<IpcResult<unknown>>;
  /** The person picks `file` for `purpose` in the dialog; answers the token the renderer would get. */
  choose(purpose: PathPurpose, file: string): Promise<string>;
  close(): void;
}

export function openPersonIpc(dataDir: string, options: { choices?: Choices } = {}): PersonIpc {
  const services = openServices(dataDir);
  const person: Person = { picks: {}, importPick: null, confirmsDrops: true, dropsShown: [] };
  const platform: Platform = {
    appVersion: 'test',
    chooseImportPath: async () => person.importPick,
    confirmDrop: async (purpose, paths) => {
      person.dropsShown.push({ purpose, paths });
      return person.confirmsDrops;
    },
    openExternal: async () => false,
    openPath: async () => false,
    admin: {
      choosePath: async (purpose) => person.picks[purpose] ?? null,
      secretBox: () => passphraseBox('test passphrase', { logN: 10 }),
      printPdf: async () => true,
      restartAfterRestore: async () => {},
    },
  };
  const choices = options.choices ?? new Choices();
  const handlers = createHandlers(services, platform, () => {}, choices);
  const log: string[] = [];
  const call = (channel: unknown, input?: unknown) => dispatch(handlers, channel, input, (line) => log.push(line));
  return {
    services,
    handlers,
    choices,
    person,
    log,
    call,
    async choose(purpose, file) {
      person.picks[purpose] = path.resolve(file);
      const r = await call('dialog:choose', { purpose });
      if (!r.ok || r.value === null) throw new Error(`dialog:choose(${purpose}) gave no token: ${JSON.stringify(r)}`);
      return (r.value as { token: string }).token;
    },
    close: () => services.close(),
  };
}
