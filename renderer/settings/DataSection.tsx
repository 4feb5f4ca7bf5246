// Settings › Data: where it lives, backups (now, on quit, restore) and the results package for the issuer.
import { useId, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { StopButton } from '../ui/StopButton.js';
import { isStopped } from '../ui/stopped.js';
import type { Chosen } from '../../shared/domain/choices.js';
import { RestoreDialog } from './RestoreDialog.js';
import type { SettingsState } from './useSettings.js';
import { Switch } from '../ui/Switch.js';
import { ActionButton } from '../ui/ActionButton.js';
import { useJob } from '../ui/useJob.js';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export interface DataSectionProps {
  state: SettingsState;
  dataDir: string | null;
  onDone: (title: string, detail?: string) => void;
}

export function DataSection({ state, dataDir, onDone }: DataSectionProps) {
  const s = admin.settings.data;
  const id = useId();
  const { busy, run: runJob } = useJob<'backup' | 'results'>();
  const [failure, setFailure] = useState<{ where: 'backup' | 'results'; message: string; stopped?: true } | null>(null);
  const [restoreFrom, setRestoreFrom] = useState<Chosen | null>(null);
  const [keep, setKeep] = useState('');
  const [keepError, setKeepError] = useState<string | null>(null);
  const settings = state.settings;

  const keepBackups = settings?.keepBackups;
  // The field follows the saved value whenever that changes (adjusted during render, not in an effect after it).
  const [keepFor, setKeepFor] = useState<number | undefined>(undefined);
  if (keepFor !== keepBackups) {
    setKeepFor(keepBackups);
    if (keepBackups !== undefined) setKeep(String(keepBackups));
  }

  const run = (what: 'backup' | 'results', job: () => Promise<void>) =>
    runJob(
      what,
      async () => {
        setFailure(null);
        await job();
      },
      (err) => {
        if (isStopped(err))
          setFailure({ where: what, message: what === 'backup' ? s.backupStopped : s.resultsStopped, stopped: true });
        else
          setFailure({ where: what, message: errorMessage(err, what === 'backup' ? s.backupFailed : s.resultsFailed) });
      },
    );

  const backup = () =>
    run('backup', async () => {
      const target = await call('dialog:choose', { purpose: 'backup-save' });
      if (!target) return;
      const r = await call('backup:create', { token: target.token });
      onDone(s.backedUp, s.backupDetail(r.files, mb(r.bytes), target.name));
    });

  const results = () =>
    run('results', async () => {
      const folder = await call('dialog:choose', { purpose: 'results-folder' });
      if (!folder) return;
      const r = await call('results:export', { token: folder.token });
      onDone(s.resultsDone, s.resultsDetail(r.submissions, r.awards, r.dir));
    });

  const chooseRestore = async () => {
    setFailure(null);
    try {
      const chosen = await call('dialog:choose', { purpose: 'backup-open' });
      if (chosen) setRestoreFrom(chosen);
    } catch (err) {
      setFailure({ where: 'backup', message: errorMessage(err, s.restoreFailed) });
    }
  };

  const commitKeep = async () => {
    const n = Number(keep);
    if (!Number.isInteger(n) || n < 1 || n > 50) {
      setKeepError(s.keepInvalid);
      return;
    }
    setKeepError(null);
    if (settings && n !== settings.keepBackups && (await state.update({ keepBackups: n }))) onDone(s.keepSaved(n));
  };

  const failureFor = (where: 'backup' | 'results') =>
    failure?.where !== where ? null : failure.stopped ? (
      <p className="kit-note" role="status">
        {failure.message}
      </p>
    ) : (
      <Alert>{failure.message}</Alert>
    );

  return (
    <section id="settings-data" className="set-section" aria-labelledby="settings-data-title">
      <div className="set-section-head">
        <h2 id="settings-data-title" className="set-section-title" tabIndex={-1}>
          {s.title}
        </h2>
      </div>

      <div className="set-block">
        <h3 className="set-block-title">{s.folder}</h3>
        <code className="set-path" data-testid="data-dir">
          {dataDir ?? admin.common.loading}
        </code>
        <p className="kit-hint">{s.folderHint}</p>
      </div>

      <div className="set-block">
        <h3 className="set-block-title">{s.backups}</h3>
        <p className="muted">{s.backupsBody}</p>
        <div className="set-actions">
          <ActionButton icon="database" blocked={busy !== null} onClick={() => void backup()}>
            {busy === 'backup' ? s.backingUp : s.backupNow}
          </ActionButton>
          <ActionButton icon="refresh" blocked={busy !== null} onClick={() => void chooseRestore()}>
            {s.restore}
          </ActionButton>
          {busy === 'backup' && <StopButton kind="backup" label={s.stopBackup} />}
        </div>
        {failureFor('backup')}
        <div className="set-auto">
          <Switch
            checked={settings?.autoBackup ?? false}
            describedBy={`${id}-auto-hint`}
            disabled={!settings}
            onToggle={() =>
              settings &&
              void state
                .update({ autoBackup: !settings.autoBackup })
                .then((n) => n && onDone(n.autoBackup ? s.autoOn : s.autoOff))
            }
          >
            {s.auto}
          </Switch>
          <span className="set-keep">
            <label htmlFor={`${id}-keep`}>{s.keep}</label>
            <input
              id={`${id}-keep`}
              className="input kit-input set-keep-input"
              type="number"
              min={1}
              max={50}
              value={keep}
              disabled={!settings}
              aria-invalid={keepError ? true : undefined}
              aria-describedby={`${id}-keep-unit ${keepError ? `${id}-keep-error ` : ''}${id}-auto-hint`}
              onChange={(e) => setKeep(e.target.value)}
              onBlur={() => void commitKeep()}
              onKeyDown={(e) => e.key === 'Enter' && void commitKeep()}
            />
            <span id={`${id}-keep-unit`}>{s.keepUnit}</span>
          </span>
        </div>
        {keepError && (
          <p id={`${id}-keep-error`} className="kit-error">
            {keepError}
          </p>
        )}
        <p id={`${id}-auto-hint`} className="kit-hint">
          {s.autoHint(dataDir ? `${dataDir}${dataDir.includes('\\') ? '\\' : '/'}backups` : 'backups')}
        </p>
      </div>

      <div className="set-block">
        <h3 className="set-block-title">{s.results}</h3>
        <p className="muted">{s.resultsBody}</p>
        <div className="set-actions">
          <ActionButton icon="download" primary blocked={busy !== null} onClick={() => void results()}>
            {busy === 'results' ? s.exporting : s.exportResults}
          </ActionButton>
          {busy === 'results' && <StopButton kind="results-export" label={s.stopResults} />}
        </div>
        {failureFor('results')}
      </div>

      {restoreFrom && <RestoreDialog backup={restoreFrom} onClose={() => setRestoreFrom(null)} />}
    </section>
  );
}
