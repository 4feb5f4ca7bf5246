// Re-issues an award after a correction (usually the earner's name); the old one stays on record as superseded.
import { useEffect, useId, useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { ConfirmActions, Dialog } from '../ui/Dialog.js';
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
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(award.earnerName);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.select());
    return () => cancelAnimationFrame(frame);
  }, []);

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
      <div className="kit-field">
        <label htmlFor={`${id}-name`} className="kit-label">
          {s.name}
        </label>
        <input
          ref={input}
          id={`${id}-name`}
          className="input kit-input"
          value={name}
          maxLength={300}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void confirm()}
          aria-describedby={`${id}-hint`}
          disabled={busy}
        />
        <p id={`${id}-hint`} className="kit-hint">
          {s.hint}
        </p>
      </div>
      {failure && (
        <p className="kit-alert" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
