// Counts per status and the achievements for the filter, reloaded after every import.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import type { StatusCounts } from '../../shared/domain/queue.js';
import { call } from '../api.js';

export type Achievement = ChannelOutput<'queue:achievements'>[number];

export interface QueueSummary {
  counts: StatusCounts | null;
  achievements: Achievement[];
}

export function useQueueSummary(reloadKey: number): QueueSummary {
  const [summary, setSummary] = useState<QueueSummary>({ counts: null, achievements: [] });
  useEffect(() => {
    let live = true;
    Promise.all([call('queue:counts'), call('queue:achievements')])
      .then(([counts, achievements]) => {
        if (live) setSummary({ counts, achievements });
      })
      .catch(() => {
        // The table reports load failures; the header just keeps its last figures.
      });
    return () => {
      live = false;
    };
  }, [reloadKey]);
  return summary;
}
