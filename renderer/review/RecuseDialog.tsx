// "I know this earner…": a conflict of interest, with the reason the issuer needs; the submission leaves the queue.
import { t } from '../strings/en.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export interface RecuseDialogProps {
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function RecuseDialog(props: RecuseDialogProps) {
  const s = t.review.recuse;
  return (
    <NoteDialog
      title={s.title}
      body={s.body}
      label={s.reason}
      hint={s.hint}
      required={s.required}
      confirm={s.confirm}
      tone="danger"
      {...props}
    />
  );
}
