// Confirms a restore, naming the backup and what happens to the data now in place; then hands over to main.
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Icon } from '../ui/Icon.js';
import { useAct } from '../ui/useAct.js';
import type { Chosen } from '../../shared/domain/choices.js';

export function RestoreDialog({ backup, onClose }: { backup: Chosen; onClose: () => void }) {
  const s = admin.settings.restore;
  const { busy, failure, run } = useAct();

  // Main checks the backup, replaces the data and starts Assay again: this window goes away.
  const restore = () =>
    run(async () => {
      await call('backup:restore', { token: backup.token });
    }, admin.settings.data.restoreFailed);

  return (
    <ConfirmDialog
      title={s.title}
      tone="danger"
      icon={<Icon name="alert" size={20} className="dialog-icon" />}
      onClose={onClose}
      onConfirm={() => void restore()}
      busy={busy}
      label={s.confirm}
      busyLabel={s.restoring}
    >
      <p>
        {s.from} <strong className="kit-break">{backup.name}</strong>
      </p>
      <p>{s.body}</p>
      <p className="muted">{s.restart}</p>
      <Alert>{failure}</Alert>
    </ConfirmDialog>
  );
}
