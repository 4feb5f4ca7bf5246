// Exports one or many awards into a folder: certificate PDFs, credential JSON, baked badge PNGs, with progress.
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { Alert } from '../ui/Alert.js';
import { ChoiceGroup } from '../ui/ChoiceGroup.js';
import { admin } from '../strings/en.js';
import { ConfirmActions, Dialog } from '../ui/Dialog.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';
import { StopButton } from '../ui/StopButton.js';
import { isStopped } from '../ui/stopped.js';
import type { AwardFormat, AwardSummary, Paper } from './award-format.js';
import { BatchProgress } from './BatchProgress.js';

const FORMATS: readonly AwardFormat[] = ['pdf', 'json', 'png'];

export interface ExportDialogProps {
  awards: AwardSummary[];
  paper: Paper;
  onClose: () => void;
}

export function ExportDialog({ awards, paper: defaultPaper, onClose }: ExportDialogProps) {
  const s = admin.awards.exporting;
  const root = useRef<HTMLDivElement>(null);
  const [formats, setFormats] = useState<Set<AwardFormat>>(new Set(['pdf', 'json']));
  const [paper, setPaper] = useState<Paper>(defaultPaper);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ files: number; folder: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const [noFormat, setNoFormat] = useState(false);

  useFocusOnOpen(() => root.current?.querySelector<HTMLInputElement>('input'));

  useEffect(() => {
    // The buttons change once done: keep focus in the dialog, on the one that closes it.
    if (done) root.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-actions button')?.focus();
  }, [done]);

  const toggle = (f: AwardFormat) => {
    const next = new Set(formats);
    if (next.has(f)) next.delete(f);
    else next.add(f);
    setFormats(next);
    if (next.size > 0) setNoFormat(false);
  };

  const run = async () => {
    if (busy) return;
    if (formats.size === 0) {
      setNoFormat(true);
      root.current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    setFailure(null);
    setStopped(null);
    let folderName: string | undefined;
    try {
      const folder = await call('dialog:choose', { purpose: 'export-folder' });
      if (!folder) return;
      folderName = folder.name;
      setBusy(true);
      const r = await call('awards:export', {
        credentialIds: awards.map((a) => a.credentialId),
        formats: FORMATS.filter((f) => formats.has(f)),
        paper,
        token: folder.token,
      });
      setDone({ files: r.files, folder: folder.name });
    } catch (err) {
      if (isStopped(err)) setStopped(s.stopped(folderName ?? ''));
      else setFailure(errorMessage(err, s.failed));
    } finally {
      setBusy(false);
    }
  };

  const title = awards.length === 1 ? s.titleOne(awards[0]!.earnerName) : s.titleMany(awards.length);
  return (
    <Dialog
      title={title}
      onClose={busy ? () => {} : onClose}
      actions={
        done ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            {admin.common.close}
          </button>
        ) : (
          <ConfirmActions
            onCancel={onClose}
            onConfirm={() => void run()}
            busy={busy}
            label={s.confirm}
            busyLabel={s.running}
            stop={<StopButton kind="awards-export" label={s.stop} />}
          />
        )
      }
    >
      <div ref={root} className="kit-dialog-form">
        <fieldset className="kit-fieldset" aria-describedby={noFormat ? 'aw-format-error' : undefined}>
          <legend className="kit-label">{s.formats}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="kit-check aw-format">
              <input
                type="checkbox"
                checked={formats.has(f)}
                onChange={() => toggle(f)}
                disabled={busy || done !== null}
              />
              <span>
                <span className="aw-format-name">{s.format[f]}</span>{' '}
                <span className="kit-hint">{s.formatDetail[f]}</span>
              </span>
            </label>
          ))}
          {noFormat && (
            <p id="aw-format-error" className="kit-error">
              {s.noFormat}
            </p>
          )}
        </fieldset>
        {formats.has('pdf') && (
          <ChoiceGroup
            legend={s.paper}
            value={paper}
            disabled={busy || done !== null}
            choices={[
              { value: 'a4', label: admin.settings.certificates.a4, detail: admin.settings.certificates.a4Detail },
              {
                value: 'letter',
                label: admin.settings.certificates.letter,
                detail: admin.settings.certificates.letterDetail,
              },
            ]}
            onChange={setPaper}
          />
        )}
        <p className="kit-hint">{s.folderHint}</p>
        {busy && <BatchProgress total={awards.length} words={s} />}
        {done && (
          <p className="aw-outcome-ok" role="status">
            {s.done(done.files, done.folder)}
          </p>
        )}
        {stopped && (
          <p className="kit-note" role="status">
            {stopped}
          </p>
        )}
        <Alert>{failure}</Alert>
      </div>
    </Dialog>
  );
}
