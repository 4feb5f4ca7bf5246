// A dialog that asks for one required note before it acts (a recusal's reason, where identity still
// shows): the note is focused first, refused empty with a message beside it, and sent trimmed.
import { useId, useRef, useState } from 'react';
import { admin } from '../strings/en.js';
import { Dialog } from './Dialog.js';
import { useFocusOnOpen } from './useFocusOnOpen.js';

export interface NoteDialogProps {
  title: string;
  body: string;
  label: string;
  hint: string;
  /** Said beside the note when it is empty. */
  required: string;
  confirm: string;
  tone?: 'default' | 'danger';
  busy: boolean;
  error: string | null;
  onConfirm: (note: string) => void;
  onClose: () => void;
}

export function NoteDialog({
  title,
  body,
  label,
  hint,
  required,
  confirm,
  tone = 'default',
  busy,
  error,
  onConfirm,
  onClose,
}: NoteDialogProps) {
  const id = useId();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusOnOpen(() => box.current);

  const act = () => {
    if (busy) return;
    if (note.trim() === '') {
      setMissing(true);
      box.current?.focus();
      return;
    }
    onConfirm(note.trim());
  };

  const problem = missing ? required : error;
  return (
    <Dialog
      title={title}
      tone={tone}
      onClose={busy ? () => {} : onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {admin.common.cancel}
          </button>
          <button
            type="button"
            className={tone === 'danger' ? 'button button-danger' : 'button button-primary'}
            onClick={act}
            aria-disabled={busy || undefined}
          >
            {confirm}
          </button>
        </>
      }
    >
      <p>{body}</p>
      <label htmlFor={`${id}-note`} className="field-label">
        {label}
      </label>
      <textarea
        ref={box}
        id={`${id}-note`}
        className="input textarea"
        rows={3}
        value={note}
        required
        aria-required="true"
        aria-invalid={missing || undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setNote(e.target.value);
          setMissing(false);
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
