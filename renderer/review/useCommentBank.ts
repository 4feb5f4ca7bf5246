// The achievement's saved comments, loaded once per workspace and kept in step with every add, edit and delete.
import { useCallback, useMemo } from 'react';
import type { BankEntry } from '../../shared/domain/review.js';
import { call } from '../api.js';
import { useLoad } from '../ui/useLoad.js';

export interface CommentBankApi {
  entries: BankEntry[];
  loaded: boolean;
  /** Entries for one criterion first, then those for the whole achievement. */
  forCriterion: (criterionId: string) => BankEntry[];
  add: (criterionId: string | null, text: string) => Promise<BankEntry>;
  /** How many draft reviews use the entry (so an edit can offer to update them). */
  usage: (id: number) => Promise<number>;
  update(id: number, text: string, updateDrafts: boolean): Promise<{ entry: BankEntry; draftsUpdated: string[] }>;
  remove: (id: number) => Promise<void>;
}

export function useCommentBank(achievementId: string): CommentBankApi {
  // Without the bank the assessor still writes comments by hand; inserting shows it empty.
  const bank = useLoad(() => call('bank:list', { achievementId }), [achievementId]);
  const { set: setEntries } = bank;
  const entries = useMemo(() => bank.data ?? [], [bank.data]);
  const loaded = !bank.loading;

  const forCriterion = useCallback(
    (criterionId: string) => [
      ...entries.filter((e) => e.criterionId === criterionId),
      ...entries.filter((e) => e.criterionId === null),
    ],
    [entries],
  );

  const add = useCallback(
    async (criterionId: string | null, text: string) => {
      const entry = await call('bank:add', { achievementId, criterionId, text });
      setEntries((list) => [...(list ?? []), entry]);
      return entry;
    },
    [achievementId, setEntries],
  );

  const usage = useCallback(async (id: number) => (await call('bank:usage', { id })).drafts, []);

  const update = useCallback(
    async (id: number, text: string, updateDrafts: boolean) => {
      const result = await call('bank:update', { id, text, updateDrafts });
      setEntries((list) => list && list.map((e) => (e.id === id ? result.entry : e)));
      return result;
    },
    [setEntries],
  );

  const remove = useCallback(
    async (id: number) => {
      await call('bank:remove', { id });
      setEntries((list) => list && list.filter((e) => e.id !== id));
    },
    [setEntries],
  );

  return useMemo(
    () => ({ entries, loaded, forCriterion, add, usage, update, remove }),
    [entries, loaded, forCriterion, add, usage, update, remove],
  );
}
