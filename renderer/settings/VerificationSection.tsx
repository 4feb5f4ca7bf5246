// Settings › Verification: the web addresses an outside verifier reaches — the revocation status list
// the issuing body hosts, and the verify page a certificate's QR code opens. Checked here as the data
// folder checks them (https only), so a mistake is named beside its field before anything is saved.
import { useRef, useState } from 'react';
import {
  defaultVerifyPageUrl,
  webAddressSettingProblem,
  type WebAddressSetting,
} from '../../shared/domain/settings.js';
import { admin } from '../strings/en.js';
import { Field } from '../ui/Field.js';
import type { SettingsState } from './useSettings.js';

type Drafts = Record<WebAddressSetting, string>;
type Errors = Partial<Record<WebAddressSetting, string>>;
const FIELDS: readonly WebAddressSetting[] = ['statusListUrl', 'verifyPageUrl'];

export interface VerificationSectionProps {
  state: SettingsState;
  /** The issuer identity's web address, for the default verify page. */
  issuerUrl: string | undefined;
  onSaved: (what: string) => void;
}

export function VerificationSection({ state, issuerUrl, onSaved }: VerificationSectionProps) {
  const s = admin.settings.verification;
  const settings = state.settings;
  const [drafts, setDrafts] = useState<Drafts>({ statusListUrl: '', verifyPageUrl: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const inputs = useRef<Partial<Record<WebAddressSetting, HTMLInputElement | null>>>({});
  // The fields follow the saved values whenever those change (adjusted during render, not in an effect).
  const saved = settings ? `${settings.statusListUrl}\n${settings.verifyPageUrl}` : null;
  const [savedFor, setSavedFor] = useState<string | null>(null);
  if (saved !== savedFor) {
    setSavedFor(saved);
    if (settings) setDrafts({ statusListUrl: settings.statusListUrl, verifyPageUrl: settings.verifyPageUrl });
  }

  const fallbackVerify = defaultVerifyPageUrl(issuerUrl);
  const dirty = settings !== null && FIELDS.some((f) => drafts[f].trim() !== settings[f]);

  const submit = async () => {
    if (!settings || saving) return;
    const next: Errors = {};
    for (const f of FIELDS) {
      const value = drafts[f].trim();
      const problem = value === '' ? undefined : webAddressSettingProblem(f, value);
      if (problem) next[f] = problem;
    }
    setErrors(next);
    const firstBad = FIELDS.find((f) => next[f]);
    if (firstBad) {
      inputs.current[firstBad]?.focus();
      return;
    }
    setSaving(true);
    try {
      const done = await state.update({
        statusListUrl: drafts.statusListUrl.trim(),
        verifyPageUrl: drafts.verifyPageUrl.trim(),
      });
      if (done) onSaved(s.saved);
    } finally {
      setSaving(false);
    }
  };

  const set = (field: WebAddressSetting, value: string) => {
    setDrafts((d) => ({ ...d, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  return (
    <section id="settings-verification" className="set-section" aria-labelledby="settings-verification-title">
      <div className="set-section-head">
        <h2 id="settings-verification-title" className="set-section-title" tabIndex={-1}>
          {s.title}
        </h2>
      </div>
      <p className="set-lede">{s.body}</p>
      <form
        className="kit-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={s.statusList} aside={admin.common.optional} hint={s.statusListHint} error={errors.statusListUrl}>
          {(p) => (
            <input
              {...p}
              ref={(el) => void (inputs.current.statusListUrl = el)}
              className="input kit-input"
              type="url"
              inputMode="url"
              placeholder="https://"
              value={drafts.statusListUrl}
              onChange={(e) => set('statusListUrl', e.target.value)}
              disabled={!settings}
            />
          )}
        </Field>
        <Field
          label={s.verifyPage}
          aside={admin.common.optional}
          hint={fallbackVerify ? s.verifyPageHint(fallbackVerify) : s.verifyPageHintNoIssuerUrl}
          error={errors.verifyPageUrl}
        >
          {(p) => (
            <input
              {...p}
              ref={(el) => void (inputs.current.verifyPageUrl = el)}
              className="input kit-input"
              type="url"
              inputMode="url"
              placeholder={fallbackVerify ?? 'https://'}
              value={drafts.verifyPageUrl}
              onChange={(e) => set('verifyPageUrl', e.target.value)}
              disabled={!settings}
            />
          )}
        </Field>
        <div className="kit-actions">
          <button type="submit" className="button button-primary" disabled={!dirty || saving}>
            {saving ? s.saving : s.save}
          </button>
        </div>
      </form>
    </section>
  );
}
