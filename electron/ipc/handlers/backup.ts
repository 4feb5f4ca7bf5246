// backup:* — a backup to the file the person chose; a restore hands the file to the shell, which restarts.
import type { DomainHandlers, HandlerContext } from './context.js';

export function backupHandlers({ services: s, platform, choices }: HandlerContext): DomainHandlers<'backup'> {
  return {
    'backup:create': ({ token }) =>
      choices.useOne(token, 'backup-save', async (file) => {
        const m = await s.backups.create(file);
        return { files: m.evidence.files, bytes: m.evidence.bytes };
      }),
    'backup:restore': ({ token }) =>
      choices.useOne(token, 'backup-open', async (file) => {
        await platform.admin.restartAfterRestore(file);
        return null;
      }),
  };
}
