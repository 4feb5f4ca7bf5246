// The About dialog: name, version and where the data lives, as main reports them.
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';

export function AboutDialog({ info, onClose }: { info: ChannelOutput<'app:info'> | null; onClose: () => void }) {
  return (
    <Dialog
      title={t.about.title}
      onClose={onClose}
      icon={
        <span className="brand-mark brand-mark-large" aria-hidden="true">
          A
        </span>
      }
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          {t.about.close}
        </button>
      }
    >
      <p className="about-name">
        <strong>{info?.name ?? t.app.name}</strong>{' '}
        {info && <span className="muted">{t.about.version(info.version)}</span>}
      </p>
      <p>{t.about.body}</p>
      {info && (
        <dl className="about-facts">
          <dt>{t.about.dataFolder}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
    </Dialog>
  );
}
