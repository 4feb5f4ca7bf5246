// review:*, bank:* and evidence:* — the assessor's work on a submission, the comment bank, evidence opened outside.
import type { DomainHandlers, HandlerContext } from './context.js';

export function reviewHandlers({
  services: s,
  platform,
}: HandlerContext): DomainHandlers<'review' | 'bank' | 'evidence'> {
  return {
    'review:open': ({ submissionId, blind }) => s.reviews.open(submissionId, blind),
    'review:saveDraft': (input) => s.reviews.saveDraft(input),
    'review:submit': ({ submissionId }) => s.reviews.submit(submissionId),
    'review:recuse': ({ submissionId, reason }) => {
      s.reviews.recuse(submissionId, reason);
      return null;
    },
    'evidence:redactions': ({ submissionId, artifactId }) => s.reviews.redactions(submissionId, artifactId),
    'evidence:addRedaction': (input) => s.reviews.addRedaction(input),
    'evidence:reportLeak': (input) => s.reviews.reportLeak(input),
    'evidence:openWithSystem': async ({ sha256, name }) => {
      const file = s.evidenceFile(sha256);
      return file === null ? false : platform.openPath(file, name);
    },
    'bank:list': ({ achievementId }) => s.commentBank.list(achievementId),
    'bank:add': ({ achievementId, criterionId, text }) => s.commentBank.add(achievementId, criterionId, text),
    'bank:usage': ({ id }) => ({ drafts: s.commentBank.draftsUsing(id).length }),
    'bank:update': ({ id, text, updateDrafts }) => s.commentBank.update(id, text, updateDrafts),
    'bank:remove': ({ id }) => {
      s.commentBank.remove(id);
      return null;
    },
  };
}
