// Find in the document: every match in page order, found page by page in idle moments, and which one is current.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDebounced } from '../../ui/useDebounced.js';
import { idle } from './idle.js';
import { findAll, phrasePattern, type PdfText, type TextRange } from './text-store.js';

export interface Match extends TextRange {
  page: number;
}

export interface Find {
  query: string;
  setQuery: (q: string) => void;
  matches: Match[];
  /** The current match's index in `matches`, -1 when there is none. */
  index: number;
  searching: boolean;
  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step: (dir: 1 | -1) => void;
}

const PAGES_PER_IDLE = 6;

/** `fromPage()` says where the assessor is, so the first match shown is the next one from there. */
export function useFind(text: PdfText | null, numPages: number, fromPage: () => number): Find {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 120);
  const [matches, setMatches] = useState<Match[]>([]);
  const [index, setIndex] = useState(-1);
  const [searching, setSearching] = useState(false);
  const from = useRef(fromPage);
  from.current = fromPage;

  useEffect(() => {
    const pattern = phrasePattern(settled);
    setMatches([]);
    setIndex(-1);
    if (!text || !pattern) {
      setSearching(false);
      return;
    }
    let cancelled = false;
    setSearching(true);
    const start = from.current();
    (async () => {
      const found: Match[] = [];
      let chosen = false;
      for (let p = 1; p <= numPages; p++) {
        const page = await text.page(p);
        if (cancelled) return;
        for (const r of findAll(page.text, pattern)) {
          if (!chosen && p >= start) {
            chosen = true;
            setIndex(found.length);
          }
          found.push({ page: p, ...r });
        }
        if (p % PAGES_PER_IDLE === 0 || p === numPages) {
          setMatches(found.slice());
          if (p < numPages) await idle(100);
          if (cancelled) return;
        }
      }
      if (!chosen && found.length > 0) setIndex(0);
      setSearching(false);
    })().catch(() => {
      if (!cancelled) setSearching(false);
    });
    return () => {
      cancelled = true;
    };
  }, [text, settled, numPages]);

  const step = useCallback(
    (dir: 1 | -1) => {
      if (matches.length === 0) return;
      setIndex((i) => (i < 0 ? 0 : (i + dir + matches.length) % matches.length));
    },
    [matches.length],
  );

  return { query, setQuery, matches, index, searching: searching || settled !== query, step };
}
