// library:* — the micro-credential library: versions, rubric files in and out, submissions added by hand.
import type { DomainHandlers, HandlerContext } from './context.js';

export function libraryHandlers({ services: s, choices }: HandlerContext): DomainHandlers<'library'> {
  return {
    'library:list': () => s.library.listAchievements(),
    'library:get': ({ id, versionId }) => s.library.getAchievement(id, versionId),
    'library:template': ({ name }) => s.library.newAchievementTemplate(name),
    'library:save': ({ achievement }) => s.library.saveAchievement(achievement),
    'library:importRubrics': ({ token }) => choices.useOne(token, 'rubric', (file) => s.importRubricFile(file)),
    'library:exportCase': ({ id, token }) =>
      choices.useOne(token, 'case-export', (file) => {
        s.exportCaseFile(id, file);
        return null;
      }),
    'library:addSubmission': ({ files, ...rest }) =>
      choices.use(
        files.map((f) => f.token),
        'evidence',
        (chosen) =>
          s.library.addSubmission({
            ...rest,
            files: files.map(({ token: _t, ...f }, i) => ({ ...f, path: chosen[i]!.path })),
          }),
      ),
  };
}
