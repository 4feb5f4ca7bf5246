// Imports the issuing body's signing certificate (.p12/.pfx) with its passphrase, and an optional profile.
import { useId, useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { useAct } from '../ui/useAct.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import { Field } from '../ui/Field.js';
import { ProfileFields } from './ProfileFields.js';
import { checkProfile, profileInput, type ProfileDraft, type ProfileErrors } from './profile-form.js';
import type { Chosen } from '../../shared/domain/choices.js';
import type { IdentityPublic } from './useIdentity.js';

export interface ImportIdentityDialogProps {
  onDone: (identity: IdentityPublic) => void;
  onClose: () => void;
}

export function ImportIdentityDialog({ onDone, onClose }: ImportIdentityDialogProps) {
  const s = admin.identity;
  const root = useRef<HTMLDivElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [draft, setDraft] = useState<ProfileDraft>({ name: '', url: '', email: '', logo: undefined });
  const [errors, setErrors] = useState<ProfileErrors & { file?: string }>({});
  const { busy, failure: actFailure, run } = useAct();
  // Choosing the file can fail too, before any import runs.
  const [chooseFailure, setChooseFailure] = useState<string | null>(null);
  const failure = chooseFailure ?? actFailure;
  const [showProfile, setShowProfile] = useState(false);
  const id = useId();

  useFocusOnOpen(() => chooseRef.current);

  const choose = async () => {
    try {
      const chosen = await call('dialog:choose', { purpose: 'pkcs12' });
      if (chosen) {
        setFile(chosen);
        setErrors((e) => ({ ...e, file: undefined }));
      }
    } catch (err) {
      setChooseFailure(errorMessage(err, s.importFailed));
    }
  };

  const change = (next: ProfileDraft) => {
    setDraft(next);
    if (errors.name || errors.url || errors.email)
      setErrors({ ...checkProfile(next, false), ...(errors.file ? { file: errors.file } : {}) });
  };

  const submit = async () => {
    if (busy) return;
    const found: ProfileErrors & { file?: string } = checkProfile(draft, false);
    const profileGiven =
      draft.name.trim() !== '' || draft.url.trim() !== '' || draft.email.trim() !== '' || Boolean(draft.logo);
    if (profileGiven && draft.name.trim() === '') found.name = s.form.nameWithDetails;
    if (!file) found.file = s.import.fileRequired;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.name || found.url || found.email) setShowProfile(true);
      if (!file) chooseRef.current?.focus();
      else requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setChooseFailure(null);
    await run(async () => {
      onDone(
        await call('identity:importPkcs12', {
          token: file!.token,
          passphrase,
          ...(profileGiven ? { profile: profileInput(draft) } : {}),
        }),
      );
    }, s.importFailed);
  };

  return (
    <ConfirmDialog
      title={s.import.title}
      onClose={onClose}
      onConfirm={() => void submit()}
      busy={busy}
      label={s.import.confirm}
      busyLabel={s.import.importing}
    >
      <div ref={root} className="kit-dialog-form">
        <p>{s.import.body}</p>
        <fieldset className="kit-fieldset">
          <legend className="kit-label">{s.import.file}</legend>
          <div className="kit-file-row">
            <span className="kit-file-name" id={`${id}-file`}>
              {file ? file.name : s.import.noFile}
            </span>
            <button
              ref={chooseRef}
              type="button"
              className="button"
              onClick={() => void choose()}
              disabled={busy}
              aria-describedby={errors.file ? `${id}-file ${id}-file-error` : `${id}-file`}
            >
              {file ? s.import.chooseAgain : s.import.choose}
            </button>
          </div>
          {errors.file && (
            <p id={`${id}-file-error`} className="kit-error">
              {errors.file}
            </p>
          )}
        </fieldset>
        <Field label={s.import.passphrase} hint={s.import.passphraseHint}>
          {(p) => (
            <input
              {...p}
              className="input kit-input"
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && void submit()}
              disabled={busy}
            />
          )}
        </Field>
        <details className="kit-details" open={showProfile} onToggle={(e) => setShowProfile(e.currentTarget.open)}>
          <summary>{s.import.profileSummary}</summary>
          <p className="kit-hint">{s.import.profileHint}</p>
          <ProfileFields draft={draft} onChange={change} errors={errors} nameOptional disabled={busy} />
        </details>
        <Alert>{failure}</Alert>
      </div>
    </ConfirmDialog>
  );
}
