// "I can still see who this is": in blind review, the assessor tells the issuing body where the evidence
// still shows who wrote it, with a note; kept, audited and exported with the results.
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../strings/en.js';
import { Dialog } from '../../ui/Dialog.js';

export interface LeakReportDialogProps {
  busy: boolean;
  error: string | null;
  onSend: (note: string) => void;
  onClose: () => void;
}

export function LeakReportDialog({ busy, error, onSend, onClose }: LeakReportDialogProps) {
  const id = useId();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const s = t.evidence.pdf;

  useEffect(() => {
    const frame = requestAnimationFrame(() => box.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const send = () => {
    if (busy) return;
    if (note.trim() === '') {
      setMissing(true);
      box.current?.focus();
      return;
    }
    onSend(note.trim());
  };

  const problem = missing ? s.reportRequired : error;
  return (
    <Dialog
      title={s.reportTitle}
      onClose={busy ? () => {} : onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {s.cancel}
          </button>
          <button type="button" className="button button-primary" onClick={send} aria-disabled={busy || undefined}>
            {s.reportSend}
          </button>
        </>
      }
    >
      <p>{s.reportBody}</p>
      <label htmlFor={`${id}-note`} className="field-label">
        {s.reportNote}
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
        {s.reportHint}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
