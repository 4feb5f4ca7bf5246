// The handler table: one plain function per IPC channel, the same ones the CLI and tests call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract, EventName, EventPayload } from '../../shared/ipc/contract.js';
import { recuse, saveDraft, submitReview } from '../review/reviews.js';
import { loadWorkspace } from '../review/workspace.js';
import { writeSamplePackage } from '../sample/sample-package.js';
import type { DropPurpose } from '../../shared/domain/admin.js';
import type { Services } from '../services.js';
import { Choices, ChoiceError, type ChoiceKind } from './choices.js';
import { createAdminHandlers, type AdminPlatform } from './handlers-admin.js';

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

/** Where a shell does not provide one of these, the channel answers with a clear message. */
function adminPlatform(p: Partial<AdminPlatform> = {}): AdminPlatform {
  const missing = (what: string) => () => {
    throw new Error(`${what} is not available in this window.`);
  };
  return {
    choosePath: p.choosePath ?? (async () => null),
    secretBox: p.secretBox ?? missing('Sealing the signing keys'),
    printPdf: p.printPdf ?? (async () => false),
    restartAfterRestore: p.restartAfterRestore ?? missing('Restoring a backup'),
  };
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

/** A package is a folder or a .zip file; which one decides how it may be used. */
function packageKind(p: string): ChoiceKind {
  try {
    return fs.statSync(p).isDirectory() ? 'open-folder' : 'open-file';
  } catch {
    return 'open-file';
  }
}

/**
 * The handlers over the real services. `choices` holds the paths the person chose (the dialogs
 * register them; a test or the e2e harness passes its own registry and "chooses" through the
 * Platform's dialogs, exactly as main does).
 */
export function createHandlers(
  services: Services,
  platform: Platform,
  emit: Emit,
  choices: Choices = new Choices(),
): Handlers {
  const admin = createAdminHandlers(
    services,
    adminPlatform(platform.admin),
    (event, payload) => emit(event, payload),
    choices,
  );
  const importWithProgress = (p: string) =>
    services.importPackage(p, { onProgress: (progress) => emit('import:progress', progress) });
  return {
    ...admin,
    'queue:list': (q) => services.queue.list(q),
    'queue:counts': () => services.queue.counts(),
    'queue:achievements': () =>
      services.library.listAchievements().map((a) => ({ id: a.id, name: a.name, versions: a.versions })),
    'import:choose': async () => {
      const chosen = await platform.chooseImportPath();
      return chosen === null ? null : choices.register(chosen, packageKind(chosen), 'package');
    },
    'import:package': ({ token }) => choices.useOne(token, 'package', (p) => importWithProgress(p)),
    'dialog:confirmDrop': async ({ purpose, paths }) => {
      if (purpose === 'package' && paths.length !== 1)
        throw new ChoiceError('Drop one review package (a folder or a .zip) at a time.');
      if (!paths.every((p) => path.isAbsolute(p)))
        throw new ChoiceError('Only files dropped from the computer’s disk can be used.');
      if (!(await platform.confirmDrop(purpose, paths))) return [];
      return paths.map((p) => choices.register(p, purpose === 'package' ? packageKind(p) : 'open-file', purpose));
    },
    'import:sample': async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-sample-'));
      try {
        const { dir: pkg } = await writeSamplePackage(path.join(dir, 'Sample review package'));
        return await importWithProgress(pkg);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    'review:open': ({ submissionId, blind }) => loadWorkspace(services.db, submissionId, blind),
    'review:saveDraft': (input) => saveDraft(services.db, input).review,
    'review:submit': ({ submissionId }) => submitReview(services.db, submissionId),
    'review:recuse': ({ submissionId, reason }) => {
      recuse(services.db, submissionId, reason);
      return null;
    },
    'evidence:openWithSystem': ({ sha256, name }) => {
      const known = services.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck().get(sha256) !== undefined;
      return known ? platform.openPath(services.evidence.pathOf(sha256), name) : false;
    },
    'bank:list': ({ achievementId }) => services.commentBank.list(achievementId),
    'bank:add': ({ achievementId, criterionId, text }) => services.commentBank.add(achievementId, criterionId, text),
    'bank:usage': ({ id }) => ({ drafts: services.commentBank.draftsUsing(id).length }),
    'bank:update': ({ id, text, updateDrafts }) => services.commentBank.update(id, text, updateDrafts),
    'bank:remove': ({ id }) => {
      services.commentBank.remove(id);
      return null;
    },
    'app:info': () => ({
      name: 'Assay',
      version: platform.appVersion,
      dataDir: services.dataDir,
      firstRun: services.db.prepare('SELECT count(*) FROM packages').pluck().get() === 0,
    }),
    'app:openExternal': async ({ url }) => {
      if (!/^https?:\/\//i.test(url)) return false;
      // Reviewed for Electronegativity, which flags any method named openExternal: this is our
      // Platform, whose desktop side (register.ts) opens http(s) only, after the assessor confirms.
      return platform.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    },
  };
}
