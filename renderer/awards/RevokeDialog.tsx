// Revokes an award with the reason verifiers will be shown; the reason is required.
import { useRef, useState } from 'react';
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { useAct } from '../ui/useAct.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import type { AwardChangeProps } from './award-format.js';

export function RevokeDialog({ award, onDone, onClose }: AwardChangeProps) {
  const s = admin.awards.revoke;
  const box = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, failure, run } = useAct();

  useFocusOnOpen(() => box.current);

  const confirm = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      box.current?.focus();
      return;
    }
    await run(async () => {
      onDone(await call('awards:revoke', { credentialId: award.credentialId, reason: reason.trim() }));
    }, s.failed);
  };

  return (
    <ConfirmDialog
      title={s.title}
      tone="danger"
      onClose={onClose}
      onConfirm={() => void confirm()}
      busy={busy}
      label={s.confirm}
      busyLabel={s.revoking}
    >
      <p>{s.body(award.achievementName, award.earnerName, award.verificationCode)}</p>
      <Field label={s.reason} hint={s.hint} error={missing ? s.required : null}>
        {(control) => (
          <textarea
            ref={box}
            {...control}
            className="input kit-input"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
            disabled={busy}
          />
        )}
      </Field>
      <Alert>{failure}</Alert>
    </ConfirmDialog>
  );
}
