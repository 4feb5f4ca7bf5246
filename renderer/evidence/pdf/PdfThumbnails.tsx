// The page thumbnails sidebar: drawn as they scroll into view, one tab stop, arrow keys move between pages.
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { t } from '../../strings/en.js';
import type { PageSize } from './layout.js';
import type { PageRenderer } from './page-renderer.js';

const THUMB_WIDTH = 96;

export interface PdfThumbnailsProps {
  sizes: PageSize[];
  current: number;
  renderer: PageRenderer;
  onGo: (page: number) => void;
}

export const PdfThumbnails = memo(function PdfThumbnails({ sizes, current, renderer, onGo }: PdfThumbnailsProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const canvases = useRef(new Map<number, HTMLCanvasElement>());

  // Draw a thumbnail only when it comes near the sidebar's view.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const page = Number((entry.target as HTMLElement).dataset.thumb);
          const canvas = canvases.current.get(page);
          if (canvas) renderer.thumbnail(page, canvas, THUMB_WIDTH);
          observer.unobserve(entry.target);
        }
      },
      { root: list.parentElement, rootMargin: '200px 0px' },
    );
    for (const canvas of canvases.current.values()) observer.observe(canvas);
    return () => observer.disconnect();
  }, [renderer, sizes.length]);
  useEffect(() => () => renderer.clearThumbnails(), [renderer]);

  // Keep the current page's thumbnail in sight as the document scrolls.
  useEffect(() => {
    const item = listRef.current?.querySelector<HTMLElement>(`[data-thumb-button="${current}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  // Arrow keys, Home and End move between the page buttons (one tab stop: the current page's).
  const move = (e: KeyboardEvent<HTMLButtonElement>) => {
    const keys: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 1, End: sizes.length };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const page = Math.min(sizes.length, Math.max(1, to));
    onGo(page);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-thumb-button="${page}"]`)?.focus());
  };

  return (
    <nav className="pdf-thumbs" aria-label={t.evidence.pdf.pagesNav}>
      <ol ref={listRef} className="pdf-thumbs-list">
        {sizes.map((size, i) => {
          const page = i + 1;
          return (
            <li key={page}>
              <button
                type="button"
                className="pdf-thumb"
                data-thumb-button={page}
                tabIndex={page === current ? 0 : -1}
                aria-current={page === current ? 'page' : undefined}
                aria-label={t.evidence.pdf.thumbLabel(page)}
                onClick={() => onGo(page)}
                onKeyDown={move}
              >
                <canvas
                  className="pdf-thumb-canvas"
                  data-thumb={page}
                  style={{ width: THUMB_WIDTH, height: Math.round((THUMB_WIDTH * size.h) / size.w) }}
                  ref={(el) => {
                    if (el) canvases.current.set(page, el);
                    else canvases.current.delete(page);
                  }}
                />
                <span className="pdf-thumb-num" aria-hidden="true">
                  {page}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
