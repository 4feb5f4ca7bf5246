// Re-issues an award after a correction (usually the earner's name); the old one stays on record as superseded.
import { useRef, useState } from 'react';
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { useAct } from '../ui/useAct.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import type { AwardChangeProps } from './award-format.js';

export function ReissueDialog({ award, onDone, onClose }: AwardChangeProps) {
  const s = admin.awards.reissue;
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(award.earnerName);
  const { busy, failure, run } = useAct();

  useFocusOnOpen(() => input.current, 'select');

  const confirm = () =>
    run(async () => {
      const trimmed = name.trim();
      onDone(
        await call('awards:reissue', {
          credentialId: award.credentialId,
          ...(trimmed && trimmed !== award.earnerName ? { earnerName: trimmed } : {}),
        }),
      );
    }, s.failed);

  return (
    <ConfirmDialog
      title={s.title}
      onClose={onClose}
      onConfirm={() => void confirm()}
      busy={busy}
      label={s.confirm}
      busyLabel={s.reissuing}
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
      <Alert>{failure}</Alert>
    </ConfirmDialog>
  );
}
