// The scrolling column: which page is current, which pages to draw, zoom that keeps the reader's place, go to a page.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  fitWidthZoom,
  layoutPages,
  pageAtY,
  pagesBetween,
  PAGE_GAP,
  type Layout,
  type PageSize,
  type ZoomMode,
} from './layout.js';
import type { PageRenderer } from './page-renderer.js';

export interface PdfScroll {
  layout: Layout;
  zoom: number;
  zoomMode: ZoomMode;
  /** Changes the zoom, keeping the same spot of the same page at the top of the view. */
  setZoomMode: (mode: ZoomMode) => void;
  page: number;
  goToPage: (page: number) => void;
  /** Scrolls so that y (CSS pixels from the top of `page`) sits a third of the way down the view. */
  revealY: (page: number, y: number, x?: number) => void;
  /** True for a moment after each scroll (the floating page indicator). */
  scrolling: boolean;
  /** False until the column has been measured: before that, positions are not final. */
  ready: boolean;
  currentPage: () => number;
}

interface Position {
  page: number;
  fraction: number;
  left: number;
}

export function usePdfScroll(
  scrollRef: RefObject<HTMLDivElement | null>,
  sizes: PageSize[],
  renderer: PageRenderer,
): PdfScroll {
  const [zoomMode, setMode] = useState<ZoomMode>('fit-width');
  const [width, setWidth] = useState(0);
  const [page, setPage] = useState(1);
  const [scrolling, setScrolling] = useState(false);
  const zoom = zoomMode === 'fit-width' ? fitWidthZoom(sizes, width) : zoomMode;
  const layout = useMemo(() => layoutPages(sizes, zoom), [sizes, zoom]);
  const layoutRef = useRef(layout);
  const pageRef = useRef(1);
  const pending = useRef<Position | null>(null);
  const frame = useRef(0);
  const scrollTimer = useRef(0);

  /** Remembers where the reader is, so the next layout puts them back there. */
  const keepPosition = useCallback(() => {
    const el = scrollRef.current;
    const current = layoutRef.current;
    if (!el || current.tops.length === 0 || pending.current) return;
    const p = pageAtY(current, el.scrollTop);
    const fraction = (el.scrollTop - current.tops[p - 1]!) / Math.max(1, current.heights[p - 1]! + PAGE_GAP);
    pending.current = {
      page: p,
      fraction,
      left: el.scrollWidth > el.clientWidth ? (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth : 0.5,
    };
  }, [scrollRef]);

  const update = useCallback(() => {
    const el = scrollRef.current;
    const l = layoutRef.current;
    if (!el || l.tops.length === 0) return;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    const visible = pagesBetween(l, top, bottom);
    let best = visible[0] ?? 1;
    let bestArea = -1;
    for (const p of visible) {
      const area = Math.min(bottom, l.tops[p - 1]! + l.heights[p - 1]!) - Math.max(top, l.tops[p - 1]!);
      if (area > bestArea + 1) {
        best = p;
        bestArea = area;
      }
    }
    pageRef.current = best;
    setPage(best);
    // Visible pages first (nearest the current one first), then a screen ahead and behind.
    const near = pagesBetween(l, top - el.clientHeight, bottom + el.clientHeight);
    const byDistance = (a: number, b: number) => Math.abs(a - best) - Math.abs(b - best);
    const order = [...visible.sort(byDistance), ...near.filter((p) => !visible.includes(p)).sort(byDistance)];
    const keep = new Set(near);
    for (let p = near[0]! - 2; p <= near[near.length - 1]! + 2; p++) keep.add(p);
    renderer.want(order, keep);
  }, [scrollRef, renderer]);

  // The column's width decides "fit width"; measured before the first paint, then on every resize.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0) return;
      keepPosition();
      setWidth(el.clientWidth);
      update();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef, keepPosition, update]);

  // A new layout (zoom, width, corrected page sizes): back to the remembered place, then draw what shows.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    // Without a remembered place (page sizes corrected in the background), the place in the old layout.
    if (!pending.current && layoutRef.current !== layout) keepPosition();
    layoutRef.current = layout;
    renderer.setZoom(zoom);
    const at = pending.current;
    pending.current = null;
    if (el && at && layout.tops[at.page - 1] !== undefined) {
      el.scrollTop = layout.tops[at.page - 1]! + at.fraction * (layout.heights[at.page - 1]! + PAGE_GAP);
      el.scrollLeft = at.left * el.scrollWidth - el.clientWidth / 2;
    }
    update();
  }, [layout, zoom, renderer, scrollRef, update, keepPosition]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(update);
      setScrolling(true);
      window.clearTimeout(scrollTimer.current);
      scrollTimer.current = window.setTimeout(() => setScrolling(false), 1200);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame.current);
      window.clearTimeout(scrollTimer.current);
    };
  }, [scrollRef, update]);

  const setZoomMode = useCallback(
    (mode: ZoomMode) => {
      keepPosition();
      setMode(mode);
    },
    [keepPosition],
  );

  const goToPage = useCallback(
    (p: number) => {
      const el = scrollRef.current;
      const l = layoutRef.current;
      const target = Math.min(l.tops.length, Math.max(1, Math.round(p)));
      if (!el || l.tops.length === 0) return;
      el.scrollTop = target === 1 ? 0 : l.tops[target - 1]! - PAGE_GAP / 2;
      pageRef.current = target;
      setPage(target);
      update();
    },
    [scrollRef, update],
  );

  const revealY = useCallback(
    (p: number, y: number, x?: number) => {
      const el = scrollRef.current;
      const l = layoutRef.current;
      if (!el || l.tops[p - 1] === undefined) return;
      el.scrollTop = l.tops[p - 1]! + y - el.clientHeight / 3;
      const pageEl = el.querySelector<HTMLElement>(`[data-page="${p}"]`);
      if (x !== undefined && pageEl) {
        const abs = pageEl.offsetLeft + x;
        if (abs < el.scrollLeft + 16 || abs > el.scrollLeft + el.clientWidth - 48)
          el.scrollLeft = abs - el.clientWidth / 3;
      }
      update();
    },
    [scrollRef, update],
  );

  const currentPage = useCallback(() => pageRef.current, []);

  return { layout, zoom, zoomMode, setZoomMode, page, goToPage, revealY, scrolling, currentPage, ready: width > 0 };
}
