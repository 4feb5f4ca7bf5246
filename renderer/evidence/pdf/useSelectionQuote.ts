// The text the assessor selected in the document, kept while focus moves on (to the comment box) until they click in it again.
import { useEffect, useMemo, useRef, type RefObject } from 'react';

export interface PickedText {
  page: number;
  quote: string;
}

/** anchorSchema's limit for a quote (not imported: that would bring zod into the renderer). */
const MAX_QUOTE = 2000;

function pageOf(node: Node | null): number | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const page = el?.closest<HTMLElement>('[data-page]')?.dataset.page;
  return page ? Number(page) : null;
}

export function useSelectionQuote(scrollRef: RefObject<HTMLElement | null>): { current(): PickedText | null } {
  const picked = useRef<PickedText | null>(null);

  useEffect(() => {
    const onChange = () => {
      const sel = document.getSelection();
      const root = scrollRef.current;
      if (!sel || !root || !sel.anchorNode || !root.contains(sel.anchorNode)) return;
      const quote = sel.toString().replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE);
      const page = pageOf(sel.anchorNode);
      picked.current = !sel.isCollapsed && quote && page ? { page, quote } : null;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [scrollRef]);

  return useMemo(() => ({ current: () => picked.current }), []);
}
