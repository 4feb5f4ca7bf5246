// "I can still see who this is": in blind review, the assessor tells the issuing body where the evidence
// still shows who wrote it, with a note; kept, audited and exported with the results.
import { t } from '../../strings/en.js';
import { NoteDialog } from '../../ui/NoteDialog.js';

export interface LeakReportDialogProps {
  busy: boolean;
  error: string | null;
  onSend: (note: string) => void;
  onClose: () => void;
}

export function LeakReportDialog({ onSend, ...rest }: LeakReportDialogProps) {
  const s = t.evidence.pdf;
  return (
    <NoteDialog
      title={s.reportTitle}
      body={s.reportBody}
      label={s.reportNote}
      hint={s.reportHint}
      required={s.reportRequired}
      confirm={s.reportSend}
      onConfirm={onSend}
      {...rest}
    />
  );
}
