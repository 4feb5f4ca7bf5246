// A link to evidence hosted elsewhere (a classroom video site): the host, and the system browser after confirmation.
import { useState } from 'react';
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { call } from '../api.js';
import { t } from '../strings/en.js';
import { CardTile } from './ArtifactCard.js';
import { Icon } from '../ui/Icon.js';
import { hostOf } from './media-types.js';

export interface LinkCardProps {
  artifact: WorkspaceArtifact;
  registerCard: (id: string, el: HTMLElement | null) => void;
}

export function LinkCard({ artifact, registerCard }: LinkCardProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const openInBrowser = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      // false means the assessor declined in main's confirmation: nothing to say about it.
      await call('app:openExternal', { url: artifact.href });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ev-card">
      <CardTile artifact={artifact} />
      <span className="ev-card-text">
        <span className="ev-card-name">{artifact.name}</span>
        <span className="ev-card-meta">
          {t.evidence.kind.link} · <span className="ev-host">{hostOf(artifact.href)}</span>
        </span>
        <span className="ev-card-note" role="status">
          {failed ? t.evidence.linkError : t.evidence.linkHint}
        </span>
      </span>
      <button
        type="button"
        className="button ev-card-action"
        ref={(el) => registerCard(artifact.id, el)}
        aria-disabled={busy || undefined}
        onClick={() => void openInBrowser()}
      >
        <Icon name="external" size={15} />
        {t.evidence.openInBrowser}
      </button>
    </div>
  );
}
