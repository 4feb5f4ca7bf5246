// identity:* — the issuer identity service; a logo or PKCS #12 arrives as a token for the file the person chose.
import type { ProfileInput } from '../../awards/issuer.js';
import type { Choices } from '../choices.js';
import type { DomainHandlers, HandlerContext } from './context.js';

interface ProfileIn {
  name?: string | undefined;
  url?: string | undefined;
  email?: string | undefined;
  /** A token for the chosen logo; null removes the logo; absent keeps it. */
  logo?: string | null | undefined;
}

/** The profile with the chosen logo's path in place of its token (the token is used up only when `fn` succeeds). */
function withLogo<T>(choices: Choices, p: ProfileIn, fn: (profile: ProfileInput) => Promise<T>): Promise<T> {
  const { logo, ...rest } = p;
  if (logo) return choices.useOne(logo, 'logo', (file) => fn({ ...rest, logoFile: file }));
  return fn({ ...rest, logoFile: logo });
}

export function identityHandlers({ services: s, choices }: HandlerContext): DomainHandlers<'identity'> {
  return {
    'identity:get': () => s.identity.get(),
    'identity:create': (p) => withLogo(choices, p, (profile) => s.identity.create(profile)),
    'identity:importPkcs12': ({ token, passphrase, profile }) =>
      choices.useOne(token, 'pkcs12', (file) =>
        profile?.name
          ? withLogo(choices, profile, (given) => s.identity.importPkcs12(file, () => passphrase, { profile: given }))
          : s.identity.importPkcs12(file, () => passphrase),
      ),
    'identity:setProfile': (p) => withLogo(choices, p, (profile) => s.identity.setProfile(profile)),
  };
}
