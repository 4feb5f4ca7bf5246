// app:*, jobs:* and dialog:* — about the app, cancelling a long job, links out, and the paths the person chooses or drops (kept here, as tokens).
import path from 'node:path';
import { CHOICE_PURPOSES, ChoiceError } from '../choices.js';
import type { DomainHandlers, HandlerContext } from './context.js';
import { packageKind } from './queue.js';

export function appHandlers({
  services: s,
  platform,
  choices,
}: HandlerContext): DomainHandlers<'app' | 'dialog' | 'jobs'> {
  return {
    'app:info': () => ({ name: 'Assay', version: platform.appVersion, dataDir: s.dataDir, firstRun: s.isFirstRun() }),
    'app:openExternal': async ({ url }) => {
      if (!/^https?:\/\//i.test(url)) return false;
      // Reviewed for Electronegativity, which flags any method named openExternal: this is our
      // Platform, whose desktop side (register.ts) opens http(s) only, after the assessor confirms.
      return platform.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    },
    'jobs:cancel': ({ kind }) => s.jobs.cancel(kind),
    'dialog:choose': async ({ purpose, suggestedName }) => {
      // The path stays here; the renderer gets a token for this one purpose.
      const chosen = await platform.admin.choosePath(purpose, suggestedName);
      if (chosen === null) return null;
      // A package to coordinate is a folder or a .zip, like a review package to import.
      const kind = purpose === 'coordination-package' ? packageKind(chosen) : CHOICE_PURPOSES[purpose].kinds[0]!;
      return choices.register(chosen, kind, purpose);
    },
    'dialog:confirmDrop': async ({ purpose, paths }) => {
      if (purpose === 'package' && paths.length !== 1)
        throw new ChoiceError('Drop one review package (a folder or a .zip) at a time.');
      if (!paths.every((p) => path.isAbsolute(p)))
        throw new ChoiceError('Only files dropped from the computer’s disk can be used.');
      if (!(await platform.confirmDrop(purpose, paths))) return [];
      const folderOrFile = purpose === 'package' || purpose === 'coordination-package';
      return paths.map((p) => choices.register(p, folderOrFile ? packageKind(p) : 'open-file', purpose));
    },
  };
}
