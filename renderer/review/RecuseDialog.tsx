// "I know this earner…": a conflict of interest, with the reason the issuer needs; the submission leaves the queue.
import { useId, useRef, useState } from 'react';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';

export interface RecuseDialogProps {
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function RecuseDialog({ busy, error, onConfirm, onClose }: RecuseDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useFocusOnOpen(() => box.current);

  const confirm = () => {
    if (busy) return;
    if (reason.trim() === '') {
      setMissing(true);
      box.current?.focus();
      return;
    }
    onConfirm(reason.trim());
  };

  const problem = missing ? t.review.recuse.required : error;
  return (
    <Dialog
      title={t.review.recuse.title}
      tone="danger"
      onClose={busy ? () => {} : onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t.review.common.cancel}
          </button>
          <button type="button" className="button button-danger" onClick={confirm} aria-disabled={busy || undefined}>
            {t.review.recuse.confirm}
          </button>
        </>
      }
    >
      <p>{t.review.recuse.body}</p>
      <label htmlFor={`${id}-reason`} className="field-label">
        {t.review.recuse.reason}
      </label>
      <textarea
        ref={box}
        id={`${id}-reason`}
        className="input textarea"
        rows={3}
        value={reason}
        required
        aria-required="true"
        aria-invalid={missing || undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {t.review.recuse.hint}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
