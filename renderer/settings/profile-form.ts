// The issuer profile as a form edits it, and the checks made before anything is sent.
import type { Chosen } from '../../shared/domain/choices.js';
import { admin } from '../strings/en.js';

export interface ProfileDraft {
  name: string;
  url: string;
  email: string;
  /** A PNG chosen with the logo dialog (its token and name); null: remove the logo; undefined: keep what there is. */
  logo: Chosen | null | undefined;
}

export type ProfileErrors = Partial<Record<'name' | 'url' | 'email', string>>;

export function checkProfile(p: ProfileDraft, nameRequired: boolean): ProfileErrors {
  const errors: ProfileErrors = {};
  if (nameRequired && p.name.trim() === '') errors.name = admin.identity.form.nameRequired;
  const url = p.url.trim();
  if (url) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.url = admin.identity.form.urlInvalid;
  }
  const email = p.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = admin.identity.form.emailInvalid;
  return errors;
}

/** What identity:create / identity:setProfile take. */
export function profileInput(p: ProfileDraft): { name: string; url: string; email: string; logo?: string | null } {
  return {
    name: p.name.trim(),
    url: p.url.trim(),
    email: p.email.trim(),
    ...(p.logo !== undefined ? { logo: p.logo === null ? null : p.logo.token } : {}),
  };
}
