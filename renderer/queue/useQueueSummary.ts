// Counts per status and the achievements for the filter, reloaded after every import.
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import type { StatusCounts } from '../../shared/domain/queue.js';
import { call } from '../api.js';
import { useLoad } from '../ui/useLoad.js';

export type Achievement = ChannelOutput<'queue:achievements'>[number];

export interface QueueSummary {
  counts: StatusCounts | null;
  achievements: Achievement[];
}

const NONE: QueueSummary = { counts: null, achievements: [] };

export function useQueueSummary(reloadKey: number): QueueSummary {
  // A failure leaves the last figures: the table reports load failures, the header need not.
  const { data } = useLoad(async (): Promise<QueueSummary> => {
    const [counts, achievements] = await Promise.all([call('queue:counts'), call('queue:achievements')]);
    return { counts, achievements };
  }, [reloadKey]);
  return data ?? NONE;
}
