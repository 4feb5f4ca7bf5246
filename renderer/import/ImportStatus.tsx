// The banner above the current screen: a determinate progress bar while importing, then the summary
// (a warning when the package was already imported and the copy just chosen is damaged).
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import type { ImportState } from './useImport.js';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function ImportStatus({ state, onDismiss }: { state: ImportState; onDismiss: () => void }) {
  if (state.kind === 'running') {
    const p = state.progress;
    const max = p && p.bytesTotal > 0 ? p.bytesTotal : p ? Math.max(1, p.filesTotal) : 1;
    const value = p && p.bytesTotal > 0 ? p.bytesDone : p ? p.filesDone : 0;
    return (
      <div className="banner banner-progress" role="status" aria-live="polite">
        <div className="banner-row">
          <Icon name="package" size={16} />
          <strong>{p ? t.importing.phase[p.phase] : t.importing.starting}</strong>
          {p && (
            <span className="muted banner-detail">
              {t.importing.progressDetail(p.filesDone, p.filesTotal, mb(p.bytesDone), mb(p.bytesTotal))}
            </span>
          )}
        </div>
        <progress className="progress" aria-label={t.importing.progressLabel} max={max} value={value} />
      </div>
    );
  }
  if (state.kind === 'done') {
    // A damaged copy changed nothing, but the assessor holds a bad copy: a warning, read out at once.
    const damaged = state.damaged;
    return (
      <div className={`banner ${damaged ? 'banner-warning' : 'banner-success'}`} role={damaged ? 'alert' : 'status'}>
        <div className="banner-row">
          <Icon name={damaged ? 'alert' : 'check'} size={16} className={damaged ? 'danger-icon' : 'success-icon'} />
          <strong>{damaged ? t.importing.damagedCopyTitle : t.importing.successTitle}</strong>
          <span className="banner-detail">{state.summary}</span>
          <button type="button" className="icon-button" onClick={onDismiss} aria-label={t.importing.dismiss}>
            <Icon name="close" size={15} />
          </button>
        </div>
      </div>
    );
  }
  return null;
}
