// What every handler module gets: the services, the shell's Platform, events to the window and the chosen-path registry.
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract, EventName, EventPayload } from '../../../shared/ipc/contract.js';
import type { DropPurpose, PathPurpose } from '../../../shared/domain/choices.js';
import type { SecretBox } from '../../awards/identity/index.js';
import type { Services } from '../../services.js';
import type { Choices } from '../choices.js';

/** What only the desktop shell provides for the awards, identity and backup channels; the e2e harness supplies its own. */
export interface AdminPlatform {
  /** `suggestedName`: the file name a save dialog offers in place of its own. */
  choosePath(purpose: PathPurpose, suggestedName?: string): Promise<string | null>;
  /** Seals the signing keys at rest (Electron's safeStorage in the app). */
  secretBox(): SecretBox;
  printPdf(pdf: Uint8Array, title: string): Promise<boolean>;
  /** After a restore the store on disk changed under the running app: start again. */
  restartAfterRestore(backupPath: string): Promise<void>;
}

/** What only the desktop shell can do (dialogs, the system browser); the e2e harness supplies its own. */
export interface Platform {
  appVersion: string;
  chooseImportPath(): Promise<string | null>;
  /**
   * Asks the person, in main's own dialog, whether to use files dropped on the window (the paths
   * came through the renderer, so they are not trusted until the person says yes).
   */
  confirmDrop(purpose: DropPurpose, paths: readonly string[]): Promise<boolean>;
  /** Asks the assessor, then opens an http(s) URL outside the app; false when declined. */
  openExternal(url: string): Promise<boolean>;
  /** Opens a file with the system's application for its type; false when that failed. */
  openPath(file: string, displayName: string): Promise<boolean>;
  /** Dialogs, key sealing, printing and restarts for the awards, library and backup channels. */
  admin?: Partial<AdminPlatform>;
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of the channels named `domain:…`. */
export type DomainHandlers<D extends string> = { [C in Extract<Channel, `${D}:${string}`>]: Handler<C> };

export interface HandlerContext {
  services: Services;
  platform: Omit<Platform, 'admin'> & { admin: AdminPlatform };
  emit: Emit;
  choices: Choices;
}
