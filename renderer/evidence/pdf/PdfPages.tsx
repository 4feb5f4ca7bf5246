// The column of pages: placeholders sized from each page's viewport; the renderer draws into them when in view.
import { memo, useMemo } from 'react';
import { t } from '../../strings/en.js';
import { PT_TO_PX, type Layout } from './layout.js';

export interface PdfPagesProps {
  layout: Layout;
  zoom: number;
  register: (page: number, el: HTMLDivElement | null) => void;
}

export const PdfPages = memo(function PdfPages({ layout, zoom, register }: PdfPagesProps) {
  // The text layer sizes itself from this variable, so it follows the zoom before the page is drawn again.
  const count = layout.heights.length;
  // Stable ref callbacks: a new one each render would detach and reattach every page (and drop its canvas) on zoom.
  const refs = useMemo(
    () => Array.from({ length: count }, (_, i) => (el: HTMLDivElement | null) => register(i + 1, el)),
    [count, register],
  );
  const style = {
    '--total-scale-factor': zoom * PT_TO_PX,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as Record<string, number | string>;
  return (
    <div className="pdf-pages" style={style}>
      {layout.heights.map((h, i) => (
        <div
          key={i}
          className="pdf-page"
          data-page={i + 1}
          role="group"
          aria-label={t.evidence.pdf.thumbLabel(i + 1)}
          style={{ width: layout.widths[i], height: h }}
          ref={refs[i]}
        />
      ))}
    </div>
  );
});
