// The empty queue: what Assay does, and the two ways to begin (a real package or the sample).
import { t } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';
import { Icon } from '../ui/Icon.js';

export interface FirstRunProps {
  firstRun: boolean;
  busy: boolean;
  onImport: () => void;
  onSample: () => void;
}

export function FirstRun({ firstRun, busy, onImport, onSample }: FirstRunProps) {
  return (
    <EmptyState
      icon="package"
      title={firstRun ? t.firstRun.title : t.firstRun.emptyTitle}
      actions={
        <>
          <button type="button" className="button button-primary button-large" onClick={onImport} aria-disabled={busy}>
            <Icon name="upload" size={16} />
            {t.firstRun.importButton}
          </button>
          <button type="button" className="button button-large" onClick={onSample} aria-disabled={busy}>
            <Icon name="sparkle" size={16} />
            {t.firstRun.sampleButton}
          </button>
        </>
      }
    >
      <p>{t.firstRun.body}</p>
      <p className="muted">{t.firstRun.privacy}</p>
      <p className="muted small">{t.firstRun.sampleHint}</p>
    </EmptyState>
  );
}
