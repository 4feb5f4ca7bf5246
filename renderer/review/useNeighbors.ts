// The submissions before and after this one in the queue's default order (soonest due first), for [ and ].
import { call } from '../api.js';
import { useLoad } from '../ui/useLoad.js';

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

/** `skip`: the open submission is not in the queue (a calibration sample); nothing is asked. */
export function useNeighbors(submissionId: string, blind: boolean, reloadKey: number, skip = false): Neighbors {
  // A failure leaves previous/next unavailable (or as last found); the review itself is unaffected.
  const { data } = useLoad(
    async (signal): Promise<{ of: string } & Neighbors> => {
      const none = { of: submissionId, ...NONE };
      if (skip) return none;
      let before: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { items, total } = await call('queue:list', {
          sort: 'due',
          direction: 'asc',
          blind,
          offset: page * PAGE,
          limit: PAGE,
        });
        // Overtaken (another submission opened): stop paging, the result is dropped anyway.
        if (signal.aborted) return none;
        const i = items.findIndex((item) => item.id === submissionId);
        if (i >= 0) {
          let next = items[i + 1]?.id ?? null;
          if (!next && (page + 1) * PAGE < total)
            next =
              (await call('queue:list', { sort: 'due', direction: 'asc', blind, offset: (page + 1) * PAGE, limit: 1 }))
                .items[0]?.id ?? null;
          return {
            of: submissionId,
            previous: i > 0 ? items[i - 1]!.id : before,
            next,
            position: page * PAGE + i + 1,
            total,
          };
        }
        before = items[items.length - 1]?.id ?? before;
        if ((page + 1) * PAGE >= total) return none;
      }
      return none;
    },
    [submissionId, blind, reloadKey, skip],
  );

  // Another submission's neighbours are never shown, not even for the one render before the new ones load.
  return data && data.of === submissionId ? data : NONE;
}
