// The handler table: one plain function per IPC channel, the same ones the CLI and tests call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { ParsedQueueQuery } from '../../shared/domain/queue.js';
import { writeSamplePackage } from '../sample/sample-package.js';
import type { Services } from '../services.js';

/** What only the desktop shell can do (dialogs, the system browser); the e2e harness supplies its own. */
export interface Platform {
  appVersion: string;
  chooseImportPath(): Promise<string | null>;
  /** Asks the assessor, then opens an http(s) URL outside the app; false when declined. */
  openExternal(url: string): Promise<boolean>;
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

type ParsedInput<C extends Channel> = C extends 'queue:list' ? ParsedQueueQuery : C extends 'import:package' ? { path: string } : C extends 'app:openExternal' ? { url: string } : undefined;

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

export function createHandlers(services: Services, platform: Platform, emit: Emit): Handlers {
  const importWithProgress = (p: string) => services.importPackage(p, { onProgress: (progress) => emit('import:progress', progress) });
  return {
    'queue:list': (q) => services.queue.list(q),
    'queue:counts': () => services.queue.counts(),
    'queue:achievements': () =>
      services.db
        .prepare('SELECT achievement_id AS id, name, count(*) AS versions FROM achievement_versions GROUP BY achievement_id ORDER BY name')
        .all() as ChannelOutput<'queue:achievements'>,
    'import:choose': () => platform.chooseImportPath(),
    'import:package': (input) => importWithProgress(input.path),
    'import:sample': async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-sample-'));
      try {
        const { dir: pkg } = await writeSamplePackage(path.join(dir, 'Sample review package'));
        return await importWithProgress(pkg);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    'app:info': () => ({
      name: 'Assay',
      version: platform.appVersion,
      dataDir: services.dataDir,
      firstRun: services.db.prepare('SELECT count(*) FROM packages').pluck().get() === 0,
    }),
    'app:openExternal': async ({ url }) => {
      if (!/^https?:\/\//i.test(url)) return false;
      return platform.openExternal(url);
    },
  };
}
