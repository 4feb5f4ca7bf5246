// Find in the document: every match in page order, found page by page in idle moments, and which one is current.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
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

/** What one search found so far; it holds only for the text, query and page count it was run for. */
interface Results {
  text: PdfText;
  settled: string;
  numPages: number;
  matches: Match[];
  index: number;
  done: boolean;
}

const PAGES_PER_IDLE = 6;

/** `fromPage()` says where the assessor is, so the first match shown is the next one from there. */
export function useFind(text: PdfText | null, numPages: number, fromPage: () => number): Find {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 120);
  const [results, setResults] = useState<Results | null>(null);
  const startPage = useEffectEvent(() => fromPage());
  const pattern = phrasePattern(settled);
  // A new text, query or page count starts from nothing: earlier results are not shown for it.
  const live =
    results && results.text === text && results.settled === settled && results.numPages === numPages ? results : null;
  const matches = live?.matches ?? NONE;
  const index = live?.index ?? -1;
  const searching = text !== null && pattern !== null && !(live?.done ?? false);

  useEffect(() => {
    const pattern = phrasePattern(settled);
    if (!text || !pattern) return;
    const run = new AbortController();
    // Read through a call after each await: TypeScript would keep the first check's narrowing across them.
    const stopped = () => run.signal.aborted;
    let first = true;
    const update = (patch: Partial<Results>) => {
      const fresh = first;
      first = false;
      setResults((r) => ({
        ...(fresh || !r ? { text, settled, numPages, matches: [], index: -1, done: false } : r),
        ...patch,
      }));
    };
    const start = startPage();
    (async () => {
      const found: Match[] = [];
      let chosen = false;
      for (let p = 1; p <= numPages; p++) {
        const page = await text.page(p);
        if (stopped()) return;
        for (const r of findAll(page.text, pattern)) {
          if (!chosen && p >= start) {
            chosen = true;
            update({ index: found.length });
          }
          found.push({ page: p, ...r });
        }
        if (p % PAGES_PER_IDLE === 0 || p === numPages) {
          update({ matches: found.slice() });
          if (p < numPages) await idle(100);
          if (stopped()) return;
        }
      }
      update(!chosen && found.length > 0 ? { index: 0, done: true } : { done: true });
    })().catch(() => {
      if (!stopped()) update({ done: true });
    });
    return () => run.abort();
  }, [text, settled, numPages]);

  const step = useCallback(
    (dir: 1 | -1) => {
      if (matches.length === 0) return;
      setResults((r) => r && { ...r, index: r.index < 0 ? 0 : (r.index + dir + matches.length) % matches.length });
    },
    [matches.length],
  );

  return { query, setQuery, matches, index, searching: searching || settled !== query, step };
}

const NONE: Match[] = [];
