// The full-window hint shown while a file is dragged over Assay.
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <div className="drop-card">
        <Icon name="upload" size={32} />
        <p className="drop-title">{t.importing.dropOverlay}</p>
        <p className="muted">{t.importing.dropHint}</p>
      </div>
    </div>
  );
}
