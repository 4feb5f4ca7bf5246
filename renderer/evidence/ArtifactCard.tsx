// A card for evidence that opens in the pane (PDF, image, audio, video): what it is, how big, and a way in.
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { t } from '../strings/en.js';
import { Icon, type IconName } from '../ui/Icon.js';
import { typeLabel, viewerKind, type ViewerKind } from './media-types.js';

const ICONS: Record<ViewerKind, IconName> = {
  pdf: 'pdf',
  image: 'image',
  video: 'video',
  audio: 'audio',
  link: 'hyperlink',
  file: 'document',
};

/** "PDF · 48 KB · lesson-plan.pdf": the file name only outside blind review. */
export function cardMeta(artifact: WorkspaceArtifact, blind: boolean): string[] {
  const parts = [typeLabel(artifact)];
  if (artifact.size !== null) parts.push(t.evidence.size(artifact.size));
  if (!blind && artifact.fileName) parts.push(artifact.fileName);
  return parts;
}

export function CardTile({ artifact }: { artifact: WorkspaceArtifact }) {
  const kind = viewerKind(artifact);
  return (
    <span className={`ev-tile ev-tile-${kind}`}>
      <Icon name={ICONS[kind]} size={20} />
    </span>
  );
}

export interface ArtifactCardProps {
  artifact: WorkspaceArtifact;
  blind: boolean;
  onOpen: () => void;
  registerCard: (id: string, el: HTMLElement | null) => void;
}

export function ArtifactCard({ artifact, blind, onOpen, registerCard }: ArtifactCardProps) {
  return (
    <button type="button" className="ev-card ev-card-open" ref={(el) => registerCard(artifact.id, el)} onClick={onOpen}>
      <CardTile artifact={artifact} />
      <span className="ev-card-text">
        <span className="ev-card-name">{artifact.name}</span>
        <span className="ev-card-meta">{cardMeta(artifact, blind).join(' · ')}</span>
      </span>
      <span className="ev-card-go" aria-hidden="true">
        {t.evidence.view}
        <Icon name="chevronRight" size={14} />
      </span>
    </button>
  );
}
