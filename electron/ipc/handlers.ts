// The handler table: one plain function per IPC channel, each a call into a service; the CLI and tests call the same services.
import { AssayError } from '../../shared/errors.js';
import type { Services } from '../services.js';
import { Choices } from './choices.js';
import { appHandlers } from './handlers/app.js';
import { awardHandlers } from './handlers/awards.js';
import { backupHandlers } from './handlers/backup.js';
import type { AdminPlatform, Emit, HandlerContext, Handlers, Platform } from './handlers/context.js';
import { identityHandlers } from './handlers/identity.js';
import { libraryHandlers } from './handlers/library.js';
import { queueHandlers } from './handlers/queue.js';
import { qualityHandlers } from './handlers/quality.js';
import { resultsHandlers } from './handlers/results.js';
import { reviewHandlers } from './handlers/review.js';
import { settingsHandlers } from './handlers/settings.js';
import { coordinationHandlers } from './handlers/coordination.js';
import { chartHandlers } from './handlers/charts.js';

export type { AdminPlatform, Emit, Handlers, Platform } from './handlers/context.js';

/** Where a shell does not provide one of these, the channel answers with a clear message. */
function adminPlatform(p: Partial<AdminPlatform> = {}): AdminPlatform {
  const missing = (what: string) => () => {
    throw new AssayError('unavailable', `${what} is not available in this window.`);
  };
  return {
    choosePath: p.choosePath ?? (() => Promise.resolve(null)),
    secretBox: p.secretBox ?? missing('Sealing the signing keys'),
    printPdf: p.printPdf ?? (() => Promise.resolve(false)),
    restartAfterRestore: p.restartAfterRestore ?? missing('Restoring a backup'),
  };
}

/**
 * The handlers over the real services. `choices` holds the paths the person chose (the dialogs
 * register them; a test or the e2e harness passes its own registry and "chooses" through the
 * Platform's dialogs, exactly as main does). The shell's key box becomes the identity service's.
 */
export function createHandlers(
  services: Services,
  platform: Platform,
  emit: Emit,
  choices: Choices = new Choices(),
): Handlers {
  const admin = adminPlatform(platform.admin);
  services.identity.useKeyBoxes({ unlock: () => admin.secretBox(), seal: () => admin.secretBox() });
  const ctx: HandlerContext = { services, platform: { ...platform, admin }, emit, choices };
  return {
    ...queueHandlers(ctx),
    ...reviewHandlers(ctx),
    ...appHandlers(ctx),
    ...identityHandlers(ctx),
    ...awardHandlers(ctx),
    ...libraryHandlers(ctx),
    ...resultsHandlers(ctx),
    ...backupHandlers(ctx),
    ...settingsHandlers(ctx),
    ...qualityHandlers(ctx),
    ...coordinationHandlers(ctx),
    ...chartHandlers(ctx),
  };
}
