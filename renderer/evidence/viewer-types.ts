// What every in-pane viewer (PDF, image, media) offers the pane: where the assessor is, focus, and jump requests.
import type { Ref } from 'react';
import type { Anchor } from '../../shared/domain/review.js';
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';

export interface ViewerHandle {
  /** The viewer's current position as an anchor for this artifact (page and selection, or time). */
  anchor: () => Anchor;
  /** Puts keyboard focus on the viewer's content. */
  focus: () => void;
}

/** A request to bring the viewer to an anchor; `seq` changes on every request so the same anchor can be asked twice. */
export interface JumpRequest {
  anchor: Anchor;
  seq: number;
}

export interface ViewerProps {
  artifact: WorkspaceArtifact;
  blind: boolean;
  request: JumpRequest | null;
  /** Focus the content once it is ready. */
  takeFocus: boolean;
  ref?: Ref<ViewerHandle>;
}

/** The evidence file's address, resolved against the page (app://assay/ in the app, the preview server in tests). */
export function evidenceUrl(artifact: WorkspaceArtifact): string {
  return new URL(artifact.href, document.baseURI).href;
}

/** True when focus is nowhere in particular (the page, or the viewer's frame while it loads): a ready viewer may take it. */
export function focusIsFree(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.classList.contains('ev-viewer-body');
}
