// awards:* — each a call into the award service; certificates and exports use the unlocked issuer identity.
import type { DomainHandlers, HandlerContext } from './context.js';

export function awardHandlers({ services: s, platform, emit, choices }: HandlerContext): DomainHandlers<'awards'> {
  const onProgress = (p: { done: number; total: number }) => emit('awards:progress', p);
  return {
    'awards:ready': () => s.awards.ready(),
    'awards:list': ({ status, search }) =>
      s.awards.list({ ...(status ? { status } : {}), ...(search ? { search } : {}) }),
    'awards:issue': ({ submissionIds }) => s.awards.issueMany(submissionIds, { onProgress }),
    // The status list is re-signed with the revocation when an identity exists (Awards.revokeAndPublish).
    'awards:revoke': async ({ credentialId, reason }) => (await s.awards.revokeByIdOrCode(credentialId, reason)).award,
    'awards:reissue': ({ credentialId, earnerName }) =>
      s.awards.reissueSigned(credentialId, earnerName ? { earnerName } : {}),
    'awards:certificate': ({ credentialId, paper }) => s.awards.certificate(credentialId, paper),
    'awards:export': ({ credentialIds, formats, paper, token }) =>
      choices.useOne(token, 'export-folder', (folder) =>
        s.awards.exportFiles(credentialIds, folder, formats, paper, { onProgress }),
      ),
    'awards:print': async ({ credentialId, paper }) => {
      const { pdf, title } = await s.awards.printable(credentialId, paper);
      return platform.admin.printPdf(pdf, title);
    },
  };
}
