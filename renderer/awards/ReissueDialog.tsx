// Re-issues an award after a correction (usually the earner's name); the old one stays on record as superseded.
import { useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { ConfirmActions, Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import type { AwardSummary } from './award-format.js';

export function ReissueDialog({
  award,
  onDone,
  onClose,
}: {
  award: AwardSummary;
  onDone: (award: AwardSummary) => void;
  onClose: () => void;
}) {
  const s = admin.awards.reissue;
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(award.earnerName);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useFocusOnOpen(() => input.current, 'select');

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const trimmed = name.trim();
      onDone(
        await call('awards:reissue', {
          credentialId: award.credentialId,
          ...(trimmed && trimmed !== award.earnerName ? { earnerName: trimmed } : {}),
        }),
      );
    } catch (err) {
      setFailure(errorMessage(err, s.failed));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={s.title}
      onClose={busy ? () => {} : onClose}
      actions={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => void confirm()}
          busy={busy}
          label={s.confirm}
          busyLabel={s.reissuing}
        />
      }
    >
      <p>{s.body}</p>
      <Field label={s.name} hint={s.hint}>
        {(control) => (
          <input
            ref={input}
            {...control}
            className="input kit-input"
            value={name}
            maxLength={300}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void confirm()}
            disabled={busy}
          />
        )}
      </Field>
      {failure && (
        <p className="kit-alert" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
