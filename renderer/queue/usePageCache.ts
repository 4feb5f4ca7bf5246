// Loads the queue a page at a time as the table needs rows; pages are cached, stale ones dropped.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { QueueItem, QueueQuery } from '../../shared/domain/queue.js';
import { call, errorCode, errorMessage, type ApiErrorCode } from '../api.js';
import { t } from '../strings/en.js';

export const PAGE_SIZE = 100;
/** At most this many requests in flight; pages that scrolled away meanwhile are never requested. */
const CONCURRENCY = 2;
/** Pages kept in memory; the ones farthest from the viewport go first (100,000 rows stay light). */
const MAX_PAGES = 40;

export type BaseQuery = Omit<QueueQuery, 'offset' | 'limit'>;

class PageStore {
  readonly pages = new Map<number, QueueItem[]>();
  readonly inflight = new Set<number>();
  wanted: number[] = [];
  total: number | null = null;
  constructor(readonly query: BaseQuery) {}
  row(index: number): QueueItem | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }
}

export interface PageCache {
  /** Rows matching the query; null until the first page answers. */
  total: number | null;
  error: string | null;
  /** The code of that failure ('calibration-required' while the live queue is closed). */
  errorCode: ApiErrorCode | null;
  /** Bumps whenever the shown data changes (a page arrived or the query was swapped in). */
  version: number;
  row: (index: number) => QueueItem | undefined;
  /** Tells the cache which rows the viewport shows; missing pages are fetched. */
  want: (first: number, last: number) => void;
  retry: () => void;
}

/** `reloadKey` changes after an import: same query, new data. */
export function usePageCache(query: BaseQuery, reloadKey: number): PageCache {
  const key = JSON.stringify(query);
  const latest = useRef<PageStore | null>(null);
  const [shown, setShown] = useState<PageStore | null>(null);
  const [error, setError] = useState<{ message: string; code: ApiErrorCode } | null>(null);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [attempt, setAttempt] = useState(0);

  const pump = useCallback((store: PageStore) => {
    // Each page that lands frees a slot for the next wanted one of the same store.
    const fill = () => {
      while (store.inflight.size < CONCURRENCY) {
        const next = store.wanted.find((p) => !store.pages.has(p) && !store.inflight.has(p));
        if (next === undefined) return;
        store.inflight.add(next);
        call('queue:list', { ...store.query, offset: next * PAGE_SIZE, limit: PAGE_SIZE })
          .then((page) => {
            store.inflight.delete(next);
            // A newer query replaced this one: its answer is dropped.
            if (latest.current !== store) return;
            store.pages.set(next, page.items);
            store.total = page.total;
            evict(store);
            setShown(store);
            setError(null);
            bump();
            fill();
          })
          .catch((err: unknown) => {
            store.inflight.delete(next);
            if (latest.current === store)
              setError({ message: errorMessage(err, t.queue.loadFailed), code: errorCode(err) });
          });
      }
    };
    fill();
  }, []);

  useEffect(() => {
    // The old rows stay on screen until the new query's first page arrives, so nothing flashes.
    const store = new PageStore(JSON.parse(key) as BaseQuery);
    latest.current = store;
    store.wanted = [0];
    pump(store);
  }, [key, reloadKey, attempt, pump]);

  const want = useCallback(
    (first: number, last: number) => {
      const store = latest.current;
      if (!store || store !== shown) return;
      const pages: number[] = [];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(Math.max(first, last) / PAGE_SIZE); p++)
        pages.push(p);
      store.wanted = pages;
      pump(store);
    },
    [shown, pump],
  );

  return {
    total: shown?.total ?? null,
    error: error?.message ?? null,
    errorCode: error?.code ?? null,
    version,
    row: useCallback((i: number) => shown?.row(i), [shown]),
    want,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

function evict(store: PageStore): void {
  if (store.pages.size <= MAX_PAGES) return;
  const centre = store.wanted[0] ?? 0;
  const far = [...store.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of far.slice(0, store.pages.size - MAX_PAGES)) store.pages.delete(p);
}
