// Creates a self-signed issuer identity, or edits the profile of the one in place.
import { useRef, useState } from 'react';
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { useAct } from '../ui/useAct.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import { ProfileFields } from './ProfileFields.js';
import { checkProfile, profileInput, type ProfileDraft, type ProfileErrors } from './profile-form.js';
import type { IdentityPublic } from './useIdentity.js';

export interface ProfileDialogProps {
  mode: 'create' | 'edit';
  current: IdentityPublic | null;
  onDone: (identity: IdentityPublic) => void;
  onClose: () => void;
}

export function ProfileDialog({ mode, current, onDone, onClose }: ProfileDialogProps) {
  const s = admin.identity;
  const root = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<ProfileDraft>({
    name: current?.profile.name ?? '',
    url: current?.profile.url ?? '',
    email: current?.profile.email ?? '',
    logo: undefined,
  });
  const [errors, setErrors] = useState<ProfileErrors>({});
  const { busy, failure, run } = useAct();

  useFocusOnOpen(() => root.current?.querySelector<HTMLInputElement>('input'));

  // Once a check has failed, each edit checks again, so a corrected field stops saying it is wrong.
  const change = (next: ProfileDraft) => {
    setDraft(next);
    if (Object.keys(errors).length > 0) setErrors(checkProfile(next, true));
  };

  const submit = async () => {
    if (busy) return;
    const found = checkProfile(draft, true);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await run(
      async () => {
        const input = profileInput(draft);
        onDone(mode === 'create' ? await call('identity:create', input) : await call('identity:setProfile', input));
      },
      mode === 'create' ? s.createFailed : s.saveFailed,
    );
  };

  return (
    <ConfirmDialog
      title={mode === 'create' ? s.createTitle : s.editTitle}
      onClose={onClose}
      onConfirm={() => void submit()}
      busy={busy}
      label={mode === 'create' ? s.createConfirm : admin.common.save}
      busyLabel={mode === 'create' ? s.creating : admin.common.saving}
    >
      {/* Enter in any field submits, as in a form; the save button sits in the dialog's action row, outside it. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- key delegated from the fields inside */}
      <div
        ref={root}
        className="kit-dialog-form"
        onKeyDown={(e) => e.key === 'Enter' && e.target instanceof HTMLInputElement && void submit()}
      >
        <p>{mode === 'create' ? s.createBody : s.editBody}</p>
        <ProfileFields
          draft={draft}
          onChange={change}
          errors={errors}
          hasLogo={mode === 'edit' && (current?.profile.hasLogo ?? false)}
          disabled={busy}
        />
        <Alert>{failure}</Alert>
      </div>
    </ConfirmDialog>
  );
}
