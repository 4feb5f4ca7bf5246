// The submissions before and after this one in the queue's default order (soonest due first), for [ and ].
import { useEffect, useState } from 'react';
import { call } from '../api.js';

const PAGE = 1000;
/** Looks this far into the queue for the open submission; past it, previous/next are not offered. */
const MAX_PAGES = 20;

export interface Neighbors {
  previous: string | null;
  next: string | null;
  /** 1-based position in the queue, and the queue's length; null until found. */
  position: number | null;
  total: number | null;
}

const NONE: Neighbors = { previous: null, next: null, position: null, total: null };

export function useNeighbors(submissionId: string, blind: boolean, reloadKey: number): Neighbors {
  const [found, setFound] = useState<{ of: string } & Neighbors>({ of: submissionId, ...NONE });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let before: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { items, total } = await call('queue:list', {
          sort: 'due',
          direction: 'asc',
          blind,
          offset: page * PAGE,
          limit: PAGE,
        });
        if (cancelled) return;
        const i = items.findIndex((item) => item.id === submissionId);
        if (i >= 0) {
          let next = items[i + 1]?.id ?? null;
          if (!next && (page + 1) * PAGE < total)
            next =
              (await call('queue:list', { sort: 'due', direction: 'asc', blind, offset: (page + 1) * PAGE, limit: 1 }))
                .items[0]?.id ?? null;
          if (!cancelled)
            setFound({
              of: submissionId,
              previous: i > 0 ? items[i - 1]!.id : before,
              next,
              position: page * PAGE + i + 1,
              total,
            });
          return;
        }
        before = items[items.length - 1]?.id ?? before;
        if ((page + 1) * PAGE >= total) return;
      }
    })().catch(() => {
      // Previous/next stay unavailable; the review itself is unaffected.
    });
    return () => {
      cancelled = true;
    };
  }, [submissionId, blind, reloadKey]);

  // Another submission's neighbours are never shown, not even for the one render before the new ones load.
  return found.of === submissionId ? found : NONE;
}
