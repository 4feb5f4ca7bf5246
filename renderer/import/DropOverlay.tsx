// The full-window hint shown while a file is dragged over Assay (what a drop will do: import, by default).
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export function DropOverlay({
  title = t.importing.dropOverlay,
  hint = t.importing.dropHint,
}: {
  title?: string;
  hint?: string;
}) {
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <div className="drop-card">
        <Icon name="upload" size={32} />
        <p className="drop-title">{title}</p>
        <p className="muted">{hint}</p>
      </div>
    </div>
  );
}
