// The submission's evidence: sections with prompts, responses and artifact cards, and one artifact open in a viewer.
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { Anchor } from '../../shared/domain/review.js';
import type { Workspace, WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { t } from '../strings/en.js';
import { ArtifactViewer, warmPdfViewer } from './ArtifactViewer.js';
import { EvidenceSection } from './EvidenceSection.js';
import { isViewable, viewerKind } from './media-types.js';
import type { JumpRequest, ViewerHandle } from './viewer-types.js';
import './evidence.css';

export interface EvidencePaneHandle {
  /** Where the assessor is now: the open PDF's page (and selected text) or the playing media's time. */
  currentAnchor: () => Anchor | null;
  /** Brings the evidence to an anchor: opens the artifact, scrolls to the page or seeks the media. */
  jumpTo: (anchor: Anchor) => void;
  /** Moves keyboard focus into the evidence pane. */
  focus: () => void;
}

export interface EvidencePaneProps {
  sections: Workspace['submission']['sections'];
  /** Blind review: no file names, nothing that identifies the earner. */
  blind: boolean;
  ref?: Ref<EvidencePaneHandle>;
}

interface OpenState {
  id: string;
  request: JumpRequest | null;
  focus: boolean;
}

export function EvidencePane({ sections, blind, ref }: EvidencePaneProps) {
  const [open, setOpen] = useState<OpenState | null>(null);
  const viewerRef = useRef<ViewerHandle>(null);
  const readingRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const readingScroll = useRef(0);
  const seq = useRef(0);

  const byId = useMemo(() => {
    const map = new Map<string, { artifact: WorkspaceArtifact; section: string }>();
    for (const s of sections) for (const a of s.artifacts) map.set(a.id, { artifact: a, section: s.name });
    return map;
  }, [sections]);
  const viewable = useMemo(
    () => [...byId.values()].filter((e) => isViewable(viewerKind(e.artifact))).map((e) => e.artifact),
    [byId],
  );
  const hasPdf = viewable.some((a) => viewerKind(a) === 'pdf');
  useEffect(() => {
    if (hasPdf) warmPdfViewer();
  }, [hasPdf]);

  const registerCard = useCallback((id: string, el: HTMLElement | null) => {
    if (el) cards.current.set(id, el);
    else cards.current.delete(id);
  }, []);

  const openArtifact = useCallback((id: string, anchor: Anchor | null, focus: boolean) => {
    if (readingRef.current && !readingRef.current.hidden) readingScroll.current = readingRef.current.scrollTop;
    seq.current += 1;
    setOpen({ id, request: anchor ? { anchor, seq: seq.current } : null, focus });
  }, []);

  const close = useCallback(() => {
    const id = open?.id;
    setOpen(null);
    // After the reading view is shown again: its scroll position, then focus on the card that was open.
    requestAnimationFrame(() => {
      if (readingRef.current) readingRef.current.scrollTop = readingScroll.current;
      const card = id ? cards.current.get(id) : undefined;
      (card ?? readingRef.current)?.focus();
    });
  }, [open?.id]);

  const revealCard = useCallback((id: string) => {
    setOpen(null);
    requestAnimationFrame(() => {
      const card = cards.current.get(id);
      card?.scrollIntoView({ block: 'center' });
      card?.focus();
    });
  }, []);

  useImperativeHandle(
    ref,
    (): EvidencePaneHandle => ({
      currentAnchor: () => {
        if (!open) return null;
        return viewerRef.current?.anchor() ?? { artifactId: open.id };
      },
      jumpTo: (anchor) => {
        const entry = byId.get(anchor.artifactId);
        if (!entry) return;
        if (!isViewable(viewerKind(entry.artifact))) {
          revealCard(anchor.artifactId);
          return;
        }
        openArtifact(anchor.artifactId, anchor, false);
      },
      focus: () => {
        if (!open) return readingRef.current?.focus();
        // A viewer still loading has no handle yet: its frame holds focus until it is ready.
        if (viewerRef.current) viewerRef.current.focus();
        else paneRef.current?.querySelector<HTMLElement>('.ev-viewer-body')?.focus();
      },
    }),
    [byId, open, openArtifact, revealCard],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open && !e.defaultPrevented) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const current = open ? byId.get(open.id) : undefined;
  const index = current ? viewable.findIndex((a) => a.id === current.artifact.id) : -1;
  const step = (delta: number) => {
    const next = viewable[index + delta];
    if (next) openArtifact(next.id, null, false);
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape from anywhere in the open viewer (its focusable parts) closes it
    <div ref={paneRef} className="ev-pane" role="region" aria-label={t.evidence.label} onKeyDown={onKeyDown}>
      {current && open && (
        <ArtifactViewer
          ref={viewerRef}
          artifact={current.artifact}
          blind={blind}
          section={current.section}
          request={open.request}
          takeFocus={open.focus}
          position={{ index, count: viewable.length }}
          onBack={close}
          onStep={step}
        />
      )}
      <div
        ref={readingRef}
        className="ev-reading"
        tabIndex={-1}
        hidden={!!current}
        aria-label={t.evidence.sectionsLabel}
        role="group"
      >
        {sections.map((s) => (
          <EvidenceSection
            key={s.id}
            section={s}
            blind={blind}
            onOpen={(a) => openArtifact(a.id, null, true)}
            registerCard={registerCard}
          />
        ))}
      </div>
    </div>
  );
}
