// The PDF viewer (a lazily loaded chunk with pdf.js): pages, thumbnails, zoom, find, selection and anchors.
import {
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Anchor } from '../../../shared/domain/review.js';
import { hashedTermSet } from '../../../shared/domain/redaction.js';
import type { EvidenceRedaction } from '../../../shared/domain/evidence-redaction.js';
import { call, errorMessage } from '../../api.js';
import { RedactionContext, type Redaction } from '../redaction-context.js';
import { LeakReportDialog } from './LeakReportDialog.js';
import type { FractionBox } from './redact-items.js';
import { t } from '../../strings/en.js';
import { SystemFileCard } from '../SystemFileCard.js';
import { evidenceUrl, focusIsFree, type JumpRequest, type ViewerProps } from '../viewer-types.js';
import { itemAt, type Mark } from './highlight.js';
import { PT_TO_PX, stepZoom, type PageSize } from './layout.js';
import { PageRenderer } from './page-renderer.js';
import { PdfFindBar } from './PdfFindBar.js';
import { PdfPages } from './PdfPages.js';
import { PdfThumbnails } from './PdfThumbnails.js';
import { PdfToolbar } from './PdfToolbar.js';
import type { PDFDocumentProxy } from './pdfjs.js';
import { findAll, phrasePattern, PdfText } from './text-store.js';
import { useFind, type Match } from './useFind.js';
import { usePdfDocument } from './usePdfDocument.js';
import { usePdfScroll } from './usePdfScroll.js';
import { useSelectionQuote } from './useSelectionQuote.js';
import './pdf.css';
import './text-layer.css';

/**
 * Blind review: the boxes assessors drew over this file, loaded alongside the document. Null while loading;
 * 'failed' when they could not be read (the document is then not shown: a box may hide what shows the earner).
 */
function useDrawn(redaction: Redaction | null, artifactId: string): EvidenceRedaction[] | null | 'failed' {
  const key = redaction ? `${redaction.submissionId}\u0000${artifactId}` : '';
  const [loaded, setLoaded] = useState<{ key: string; list: EvidenceRedaction[] | 'failed' } | null>(null);
  useEffect(() => {
    if (!redaction) return;
    let live = true;
    call('evidence:redactions', { submissionId: redaction.submissionId, artifactId }).then(
      (list) => live && setLoaded({ key, list }),
      () => live && setLoaded({ key, list: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [redaction, artifactId, key]);
  if (!redaction) return NO_DRAWN;
  return loaded?.key === key ? loaded.list : null;
}

export default function PdfViewer({ artifact, blind, request, takeFocus, ref }: ViewerProps) {
  const url = useMemo(() => evidenceUrl(artifact), [artifact]);
  const state = usePdfDocument(url);
  const redaction = useContext(RedactionContext);
  const drawn = useDrawn(blind ? redaction : null, artifact.id);
  if (state.status === 'loading' || drawn === null) {
    return (
      <div className="pdf pdf-status">
        <p className="ev-loading" role="status">
          {t.evidence.pdf.loading}
        </p>
      </div>
    );
  }
  if (state.status === 'failed' || drawn === 'failed') {
    return (
      <div className="pdf pdf-status">
        <SystemFileCard artifact={artifact} blind={blind} hint={t.evidence.pdf.loadFailed} />
      </div>
    );
  }
  return (
    <PdfDocumentView
      key={artifact.id}
      ref={ref}
      artifact={artifact}
      blind={blind}
      request={request}
      takeFocus={takeFocus}
      doc={state.doc}
      sizes={state.sizes}
      drawn={drawn}
    />
  );
}

interface DocumentViewProps extends ViewerProps {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  /** Boxes drawn over this file before it opened (blind review). */
  drawn: EvidenceRedaction[];
}

function PdfDocumentView({ artifact, blind, request, takeFocus, doc, sizes, drawn: initial, ref }: DocumentViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  // Blind review: the earner's identity is taken out of the text and covered on every page drawn.
  const redaction = useContext(RedactionContext);
  const blindOn = blind && redaction !== null;
  const terms = useMemo(() => (blind && redaction ? hashedTermSet(redaction.terms) : null), [blind, redaction]);
  // Boxes assessors drew over this file (blind review): loaded with the document, added to as the assessor draws.
  const [drawnList, setDrawnList] = useState(initial);
  const byPage = useMemo(() => {
    const m = new Map<number, FractionBox[]>();
    for (const r of drawnList) m.set(r.page, [...(m.get(r.page) ?? []), r.box]);
    return m;
  }, [drawnList]);
  const text = useMemo(() => new PdfText(doc, terms, byPage), [doc, terms, byPage]);
  const [covering, setCovering] = useState(false);
  const [notice, setNotice] = useState('');
  const [report, setReport] = useState<{ busy: boolean; error: string | null } | null>(null);
  const renderer = useMemo(() => new PageRenderer(doc, text), [doc, text]);
  useEffect(() => () => renderer.destroy(), [renderer]);
  const register = useCallback((p: number, el: HTMLDivElement | null) => renderer.attach(p, el), [renderer]);

  const scroll = usePdfScroll(scrollRef, sizes, renderer);
  const { layout, zoom, zoomMode, setZoomMode, page, goToPage, revealY, currentPage, ready } = scroll;
  const [thumbsOpen, setThumbsOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  // The anchored quote found for a jump request; it belongs to that request and goes with it.
  const [anchorFound, setAnchorFound] = useState<{ request: JumpRequest; mark: Match } | null>(null);
  const anchorMark = anchorFound && anchorFound.request === request ? anchorFound.mark : null;
  const find = useFind(findOpen ? text : null, doc.numPages, currentPage);
  const selection = useSelectionQuote(scrollRef);

  // Thumbnails start open where there is room for them beside a readable page.
  useEffect(() => {
    if ((rootRef.current?.clientWidth ?? 0) >= 760) setThumbsOpen(true);
  }, []);

  useEffect(() => {
    if (takeFocus && focusIsFree()) scrollRef.current?.focus({ preventScroll: true });
  }, [takeFocus]);

  /** Scrolls a text range into view, a third of the way down. */
  const reveal = useCallback(
    async (m: Match) => {
      const [pt, pdfPage] = await Promise.all([text.page(m.page), doc.getPage(m.page)]);
      const item = pt.items[itemAt(pt.starts, m.start)];
      if (!item) {
        goToPage(m.page);
        return;
      }
      const viewport = pdfPage.getViewport({ scale: zoom * PT_TO_PX });
      const { x, y } = viewportPoint(viewport.transform, Number(item.transform[4]), Number(item.transform[5]));
      revealY(m.page, y - Math.abs(Number(item.transform[3])) * zoom * PT_TO_PX, x);
    },
    [doc, text, zoom, goToPage, revealY],
  );

  // Matches and the anchored quote, drawn on every page whose text layer exists (new layers paint themselves).
  const marks = useMemo(() => {
    const byPage = new Map<number, Mark[]>();
    const add = (p: number, m: Mark) => byPage.set(p, [...(byPage.get(p) ?? []), m]);
    find.matches.forEach((m, i) =>
      add(m.page, { start: m.start, end: m.end, kind: i === find.index ? 'current' : 'match' }),
    );
    if (anchorMark) add(anchorMark.page, { start: anchorMark.start, end: anchorMark.end, kind: 'anchor' });
    return byPage;
  }, [find.matches, find.index, anchorMark]);
  useEffect(() => renderer.setMarks(marks), [renderer, marks]);

  const current = find.index >= 0 ? find.matches[find.index] : undefined;
  const currentKey = current ? `${current.page}:${current.start}` : '';
  const revealCurrent = useEffectEvent(() => {
    if (current) void reveal(current);
  });
  // Only when the current match changes, not when more matches arrive or the zoom changes.
  useEffect(() => revealCurrent(), [currentKey]);

  // Jump requests: the page first, then the quote on it (or anywhere in the document).
  const jump = useEffectEvent((req: JumpRequest, signal: AbortSignal) => {
    const anchor = req.anchor;
    if (anchor.page) goToPage(anchor.page);
    const pattern = anchor.quote ? phrasePattern(anchor.quote) : null;
    if (!pattern) return;
    (async () => {
      const first = anchor.page && anchor.page <= doc.numPages ? anchor.page : 1;
      const order = [first, ...Array.from({ length: doc.numPages }, (_, i) => i + 1).filter((p) => p !== first)];
      for (const p of order) {
        const found = findAll((await text.page(p)).text, pattern)[0];
        if (signal.aborted) return;
        if (found) {
          const m = { page: p, ...found };
          setAnchorFound({ request: req, mark: m });
          await reveal(m);
          return;
        }
      }
    })().catch(() => {});
  });
  // Each request once (its seq changes every time) when the column is measured, whatever else changed since.
  useEffect(() => {
    if (!request || !ready) return;
    const run = new AbortController();
    jump(request, run.signal);
    return () => run.abort();
  }, [request, ready]);

  useImperativeHandle(
    ref,
    () => ({
      anchor: (): Anchor => {
        const picked = selection.current();
        return {
          artifactId: artifact.id,
          page: picked?.page ?? currentPage(),
          ...(picked ? { quote: picked.quote } : {}),
        };
      },
      focus: () => scrollRef.current?.focus({ preventScroll: true }),
    }),
    [artifact.id, currentPage, selection],
  );

  const openFind = () => {
    setFindOpen(true);
    requestAnimationFrame(() => {
      findRef.current?.focus();
      findRef.current?.select();
    });
  };
  const closeFind = () => {
    setFindOpen(false);
    scrollRef.current?.focus({ preventScroll: true });
  };
  const zoomStep = (dir: 1 | -1) => setZoomMode(stepZoom(zoom, dir));
  const wheelZoom = useEffectEvent(zoomStep);

  // Ctrl+wheel (and a trackpad pinch, which arrives as one) zooms the document, not the whole window.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let pending = 0;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      pending += e.deltaY;
      if (Math.abs(pending) < 40) return;
      wheelZoom(pending < 0 ? 1 : -1);
      pending = 0;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const addBox = useEffectEvent((page: number, box: FractionBox) => {
    if (!redaction) return;
    call('evidence:addRedaction', { submissionId: redaction.submissionId, artifactId: artifact.id, page, box }).then(
      (added) => {
        setDrawnList((list) => [...list, added]);
        setNotice(t.evidence.pdf.covered);
      },
      (err: unknown) => setNotice(errorMessage(err, t.evidence.pdf.coverFailed)),
    );
  });

  // Covering: a drag over a page draws a box (as fractions of the page as shown), kept when the button is released.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !covering) return;
    let drag: { page: number; el: HTMLElement; x: number; y: number; box: HTMLDivElement } | null = null;
    const at = (pageEl: HTMLElement, e: PointerEvent) => {
      const r = pageEl.getBoundingClientRect();
      return {
        x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
        y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)),
      };
    };
    const rect = (a: { x: number; y: number }, b: { x: number; y: number }): FractionBox => ({
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    });
    const place = (box: HTMLDivElement, f: FractionBox) =>
      Object.assign(box.style, {
        left: `${f.x * 100}%`,
        top: `${f.y * 100}%`,
        width: `${f.w * 100}%`,
        height: `${f.h * 100}%`,
      });
    const down = (e: PointerEvent) => {
      const pageEl = e.target instanceof Element ? e.target.closest<HTMLElement>('.pdf-page') : null;
      if (!pageEl || e.button !== 0) return;
      e.preventDefault();
      const start = at(pageEl, e);
      const box = document.createElement('div');
      box.className = 'pdf-drawing';
      pageEl.append(box);
      place(box, { ...start, w: 0, h: 0 });
      drag = { page: Number(pageEl.dataset.page), el: pageEl, ...start, box };
      el.setPointerCapture(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (drag) place(drag.box, rect(drag, at(drag.el, e)));
    };
    const up = (e: PointerEvent) => {
      if (!drag) return;
      const f = rect(drag, at(drag.el, e));
      drag.box.remove();
      const page = drag.page;
      drag = null;
      if (f.w > 0.004 && f.h > 0.004) addBox(page, f);
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    return () => {
      drag?.box.remove();
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  }, [covering]);

  const sendReport = (note: string) => {
    if (!redaction) return;
    setReport({ busy: true, error: null });
    call('evidence:reportLeak', {
      submissionId: redaction.submissionId,
      artifactId: artifact.id,
      page: currentPage(),
      note,
    }).then(
      () => {
        setReport(null);
        setNotice(t.evidence.pdf.reported);
      },
      (err: unknown) => setReport({ busy: false, error: errorMessage(err, t.evidence.pdf.reportFailed) }),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key;
    const inField =
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLSelectElement ||
      e.target instanceof HTMLTextAreaElement;
    if (mod && !e.altKey && key.toLowerCase() === 'f') openFind();
    else if (mod && (key === '=' || key === '+')) zoomStep(1);
    else if (mod && (key === '-' || key === '_')) zoomStep(-1);
    else if (mod && key === '0') setZoomMode('fit-width');
    else if (key === 'F3' || (mod && key.toLowerCase() === 'g')) {
      if (find.matches.length > 0) find.step(e.shiftKey ? -1 : 1);
      else openFind();
    } else if (inField || mod || e.altKey) return;
    else if (key === 'ArrowRight' || key === 'n') goToPage(page + 1);
    else if (key === 'ArrowLeft' || key === 'p') goToPage(page - 1);
    else if (key === 'Home') goToPage(1);
    else if (key === 'End') goToPage(doc.numPages);
    else if ((key === 'PageDown' || key === 'PageUp') && e.target !== scrollRef.current)
      goToPage(page + (key === 'PageDown' ? 1 : -1));
    else return;
    e.preventDefault();
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- shortcuts delegated from the toolbar, find bar and document inside, each focusable
    <div ref={rootRef} className="pdf" onKeyDown={onKeyDown}>
      <PdfToolbar
        page={page}
        numPages={doc.numPages}
        onPage={goToPage}
        zoomMode={zoomMode}
        zoom={zoom}
        onZoom={setZoomMode}
        onZoomStep={zoomStep}
        thumbsOpen={thumbsOpen}
        onToggleThumbs={() => setThumbsOpen((o) => !o)}
        findOpen={findOpen}
        onFind={() => (findOpen ? closeFind() : openFind())}
        blindTools={
          blindOn
            ? {
                covering,
                onToggleCover: () => setCovering((c) => !c),
                onReport: () => setReport({ busy: false, error: null }),
              }
            : undefined
        }
      />
      {blindOn && (
        <p className="pdf-blind-notice" role="status">
          {covering && !notice ? t.evidence.pdf.coverHint : notice}
        </p>
      )}
      {report && (
        <LeakReportDialog busy={report.busy} error={report.error} onSend={sendReport} onClose={() => setReport(null)} />
      )}
      {findOpen && <PdfFindBar find={find} inputRef={findRef} onClose={closeFind} />}
      <div className="pdf-body">
        {thumbsOpen && <PdfThumbnails sizes={sizes} current={page} renderer={renderer} onGo={goToPage} />}
        <div className="pdf-view">
          <div
            ref={scrollRef}
            className={`pdf-scroll${covering ? ' pdf-covering' : ''}`}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll container keyboard users must reach to scroll (axe scrollable-region-focusable)
            tabIndex={0}
            role="region"
            aria-label={t.evidence.pdf.document}
            data-zoom={Math.round(zoom * 100)}
            data-scale={zoom}
          >
            <PdfPages layout={layout} zoom={zoom} register={register} />
          </div>
          <div className={`pdf-pill${scroll.scrolling ? ' pdf-pill-on' : ''}`} aria-hidden="true">
            {t.evidence.pdf.pageOf(page, doc.numPages)}
          </div>
        </div>
      </div>
    </div>
  );
}

const NO_DRAWN: EvidenceRedaction[] = [];

/** pdf.js's convertToViewportPoint (typed `any[]` there): the viewport's affine transform applied to a PDF point. */
function viewportPoint(m: number[], x: number, y: number): { x: number; y: number } {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return { x: x * a + y * c + e, y: x * b + y * d + f };
}
