// The alert dialog for a refused or failed import: the reason is shown exactly as main wrote it.
import type { ApiErrorCode } from '../api.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { Icon } from '../ui/Icon.js';

export function ImportErrorDialog({
  code,
  message,
  onClose,
}: {
  code: ApiErrorCode;
  message: string;
  onClose: () => void;
}) {
  const refused = code === 'import-refused';
  return (
    <Dialog
      role="alertdialog"
      tone="danger"
      title={refused ? t.importing.refusedTitle : t.importing.failedTitle}
      icon={<Icon name="alert" size={20} className="dialog-icon" />}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          {t.importing.ok}
        </button>
      }
    >
      <p className="error-message">{message}</p>
      {refused && <p className="muted">{t.importing.refusedHint}</p>}
    </Dialog>
  );
}
