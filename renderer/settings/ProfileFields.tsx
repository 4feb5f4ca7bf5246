// The issuer's name, website, email and logo as they appear on certificates and in credentials.
import { useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { Field } from '../ui/Field.js';
import type { ProfileDraft, ProfileErrors } from './profile-form.js';

export interface ProfileFieldsProps {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errors: ProfileErrors;
  /** The identity already has a logo (editing): it can be kept or removed. */
  hasLogo?: boolean;
  /** Importing a .p12: the name may stay empty (the certificate's own is used). */
  nameOptional?: boolean;
  disabled?: boolean;
}

export function ProfileFields({
  draft,
  onChange,
  errors,
  hasLogo = false,
  nameOptional = false,
  disabled = false,
}: ProfileFieldsProps) {
  const s = admin.identity.form;
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...draft, ...patch });

  const chooseLogo = async () => {
    setLogoError(null);
    try {
      const chosen = await call('dialog:choose', { purpose: 'logo' });
      if (chosen) set({ logo: chosen });
    } catch (err) {
      setLogoError(errorMessage(err, s.logoFailed));
    }
  };

  const logoState = draft.logo
    ? s.logoChosen(draft.logo.name)
    : draft.logo === null || !hasLogo
      ? s.logoNone
      : s.logoKept;
  return (
    <div className="kit-form">
      <Field
        label={s.name}
        aside={nameOptional ? admin.common.optional : undefined}
        hint={nameOptional ? s.nameHintImport : s.nameHint}
        error={errors.name}
      >
        {(p) => (
          <input
            {...p}
            className="input kit-input"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            autoComplete="organization"
            disabled={disabled}
          />
        )}
      </Field>
      <div className="kit-row">
        <Field label={s.url} aside={admin.common.optional} error={errors.url}>
          {(p) => (
            <input
              {...p}
              className="input kit-input"
              type="url"
              inputMode="url"
              placeholder="https://"
              value={draft.url}
              onChange={(e) => set({ url: e.target.value })}
              autoComplete="url"
              disabled={disabled}
            />
          )}
        </Field>
        <Field label={s.email} aside={admin.common.optional} error={errors.email}>
          {(p) => (
            <input
              {...p}
              className="input kit-input"
              type="email"
              value={draft.email}
              onChange={(e) => set({ email: e.target.value })}
              autoComplete="email"
              disabled={disabled}
            />
          )}
        </Field>
      </div>
      <fieldset className="kit-fieldset">
        <legend className="kit-label">
          {s.logo} <span className="kit-label-aside">{admin.common.optional}</span>
        </legend>
        <div className="kit-file-row">
          <span className="kit-file-name">{logoState}</span>
          <button type="button" className="button" onClick={() => void chooseLogo()} disabled={disabled}>
            {s.chooseLogo}
          </button>
          {(draft.logo || (hasLogo && draft.logo !== null)) && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => set({ logo: hasLogo ? null : undefined })}
              disabled={disabled}
            >
              {s.removeLogo}
            </button>
          )}
          {hasLogo && draft.logo === null && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => set({ logo: undefined })}
              disabled={disabled}
            >
              {s.keepLogo}
            </button>
          )}
        </div>
        <p className="kit-hint">{s.logoHint}</p>
        {logoError && (
          <p className="kit-error" role="alert">
            {logoError}
          </p>
        )}
      </fieldset>
    </div>
  );
}
