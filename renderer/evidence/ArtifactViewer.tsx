// The open artifact: a header to go back or step through the evidence, and the viewer for its type.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { t } from '../strings/en.js';
import { CardTile } from './ArtifactCard.js';
import { Icon } from '../ui/Icon.js';
import { IconButton } from '../ui/IconButton.js';
import { ImageViewer } from './ImageViewer.js';
import { MediaPlayer } from './MediaPlayer.js';
import { startPdfWorker } from './pdf/worker-port.js';
import { typeLabel, viewerKind } from './media-types.js';
import { focusIsFree, type JumpRequest, type ViewerHandle, type ViewerProps } from './viewer-types.js';
import './viewers.css';

type PdfModule = typeof import('./pdf/PdfViewer.js');

// pdf.js is large: it loads when the queue is idle or a review with PDFs opens (warmPdfViewer), never before the
// queue's first page.
let pdfModule: PdfModule | null = null;
let pdfLoading: Promise<PdfModule> | null = null;
const loadPdfViewer = (): Promise<PdfModule> =>
  (pdfLoading ??= import('./pdf/PdfViewer.js').then(
    (m) => (pdfModule = m),
    (error: unknown) => {
      // Tried again next time (a chunk that failed to load once may load on the next try).
      pdfLoading = null;
      throw error;
    },
  ));

/**
 * Starts pdf.js's worker and loads the PDF viewer's chunk as a review with PDFs opens, so that a PDF opened at once
 * does not wait for them one after the other (both run beside the review's first drawing: the worker on its own
 * thread, the chunk's fetch off the main thread).
 */
export function warmPdfViewer(): void {
  startPdfWorker();
  void loadPdfViewer().catch(() => {});
}

/**
 * The same in the first idle moment (within 2 s): the queue does this, since reviews are opened from it and most
 * carry PDFs, so that the session's first PDF waits for neither. Returns the cancel.
 */
export function warmPdfViewerWhenIdle(): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(warmPdfViewer, 300);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(warmPdfViewer, { timeout: 2000 });
  return () => cancelIdleCallback(handle);
}

/**
 * The PDF viewer once its chunk is here. Not React.lazy: Suspense holds content back for 300 ms after a fallback,
 * which would delay every first PDF even when the chunk was already loaded.
 */
function PdfSlot(props: ViewerProps) {
  const [mod, setMod] = useState<PdfModule | null>(pdfModule);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!mod) loadPdfViewer().then(setMod, () => setFailed(true));
  }, [mod]);
  if (!mod) return <p className="ev-loading">{failed ? t.evidence.pdf.loadFailed : t.evidence.loadingViewer}</p>;
  const Viewer = mod.default;
  return <Viewer {...props} />;
}

export interface ArtifactViewerProps {
  artifact: WorkspaceArtifact;
  blind: boolean;
  section: string;
  request: JumpRequest | null;
  /** Move focus into the viewer once it shows (opened from its card, not from an anchor or the stepper). */
  takeFocus: boolean;
  /** Where this artifact is among those that open in the pane (index -1 if it is not one of them). */
  position: { index: number; count: number };
  onBack: () => void;
  onStep: (delta: number) => void;
  ref?: Ref<ViewerHandle>;
}

export function ArtifactViewer({
  artifact,
  blind,
  section,
  request,
  takeFocus,
  position,
  onBack,
  onStep,
  ref,
}: ArtifactViewerProps) {
  const titleId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);

  // Opened from its card: the card is gone, so focus waits here until the viewer's content takes it.
  useEffect(() => {
    if (takeFocus && focusIsFree()) bodyRef.current?.focus({ preventScroll: true });
  }, [artifact.id, takeFocus]);

  const kind = viewerKind(artifact);
  const { index, count } = position;
  const viewer = { ref, artifact, blind, request, takeFocus };
  return (
    <div className="ev-viewer" role="group" aria-labelledby={titleId}>
      <div className="ev-viewer-head">
        <button
          type="button"
          className="button button-ghost ev-back"
          onClick={onBack}
          aria-keyshortcuts="Escape"
          title={t.evidence.backHint}
        >
          <Icon name="back" size={16} />
          <span className="ev-back-label">{t.evidence.back}</span>
        </button>
        <div className="ev-viewer-title">
          <CardTile artifact={artifact} />
          <div className="ev-viewer-names">
            <h2 id={titleId} className="ev-viewer-name" title={artifact.name}>
              {artifact.name}
            </h2>
            <span className="ev-viewer-sub">
              {section} · {typeLabel(artifact)}
            </span>
          </div>
        </div>
        {count > 1 && index >= 0 && (
          <div className="ev-stepper">
            <IconButton
              icon="chevronLeft"
              label={t.evidence.previousArtifact}
              aria-disabled={index === 0}
              onClick={() => index > 0 && onStep(-1)}
            />
            <span className="ev-stepper-pos">{t.evidence.position(index + 1, count)}</span>
            <IconButton
              icon="chevronRight"
              label={t.evidence.nextArtifact}
              aria-disabled={index === count - 1}
              onClick={() => index < count - 1 && onStep(1)}
            />
          </div>
        )}
      </div>
      <div ref={bodyRef} className="ev-viewer-body" tabIndex={-1}>
        {kind === 'pdf' ? (
          <PdfSlot key={artifact.id} {...viewer} />
        ) : kind === 'image' ? (
          <ImageViewer key={artifact.id} {...viewer} />
        ) : (
          <MediaPlayer key={artifact.id} {...viewer} kind={kind === 'audio' ? 'audio' : 'video'} />
        )}
      </div>
    </div>
  );
}
