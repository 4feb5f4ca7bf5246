// queue:* and import:* — the review queue, and packages imported from the path the person chose or dropped.
import fs from 'node:fs';
import type { ChoiceKind } from '../choices.js';
import type { DomainHandlers, HandlerContext } from './context.js';

/** A package is a folder or a .zip file; which one decides how it may be used. */
export function packageKind(p: string): ChoiceKind {
  try {
    return fs.statSync(p).isDirectory() ? 'open-folder' : 'open-file';
  } catch {
    return 'open-file';
  }
}

export function queueHandlers({ services: s, platform, emit, choices }: HandlerContext) {
  const onProgress = (progress: Parameters<typeof emit<'import:progress'>>[1]) => emit('import:progress', progress);
  const handlers: DomainHandlers<'queue' | 'import'> = {
    'queue:list': (q) => s.queue.list(q),
    'queue:counts': () => s.queue.counts(),
    'queue:achievements': () => s.library.listAchievements(),
    'import:choose': async () => {
      const chosen = await platform.chooseImportPath();
      return chosen === null ? null : choices.register(chosen, packageKind(chosen), 'package');
    },
    'import:package': ({ token }) => choices.useOne(token, 'package', (p) => s.importPackage(p, { onProgress })),
    'import:sample': () => s.importSample(onProgress),
  };
  return handlers;
}
