// Evidence Assay cannot show (a Word file, a spreadsheet): its type and size, and the system's application.
import { useState } from 'react';
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { call } from '../api.js';
import { t } from '../strings/en.js';
import { CardTile, cardMeta } from './ArtifactCard.js';
import { Icon } from '../ui/Icon.js';
import { systemFileName } from './media-types.js';

export interface SystemFileCardProps {
  artifact: WorkspaceArtifact;
  blind: boolean;
  registerCard?: (id: string, el: HTMLElement | null) => void;
  /** Shown under the name: why this opens outside (defaults to "Assay can't show this type"). */
  hint?: string;
}

/** Hands an evidence file to the system's application; resolves false when that did not happen. */
export async function openWithSystem(artifact: WorkspaceArtifact): Promise<boolean> {
  if (!artifact.sha256) return false;
  try {
    return await call('evidence:openWithSystem', { sha256: artifact.sha256, name: systemFileName(artifact) });
  } catch {
    return false;
  }
}

export function SystemFileCard({ artifact, blind, registerCard, hint = t.evidence.systemHint }: SystemFileCardProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const open = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    const ok = await openWithSystem(artifact);
    setBusy(false);
    setFailed(!ok);
  };

  return (
    <div className="ev-card">
      <CardTile artifact={artifact} />
      <span className="ev-card-text">
        <span className="ev-card-name">{artifact.name}</span>
        <span className="ev-card-meta">{cardMeta(artifact, blind).join(' · ')}</span>
        <span className="ev-card-note" role="status">
          {failed ? t.evidence.systemFailed : hint}
        </span>
      </span>
      <button
        type="button"
        className="button ev-card-action"
        ref={(el) => registerCard?.(artifact.id, el)}
        aria-disabled={busy || undefined}
        onClick={() => void open()}
      >
        <Icon name="external" size={15} />
        {busy ? t.evidence.opening : t.evidence.openWithSystem}
      </button>
    </div>
  );
}
