// What the Awards screen shows: reviews ready to issue, issued awards (filtered), the identity and paper.
import { useCallback } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { useLoad } from '../ui/useLoad.js';
import type { AwardStatus, AwardSummary, Paper, ReadyAward } from './award-format.js';

export interface AwardsData {
  ready: ReadyAward[] | null;
  awards: AwardSummary[] | null;
  /** Whether an issuer identity is set up (null until known). */
  hasIdentity: boolean | null;
  paper: Paper;
  error: string | null;
  reload: () => void;
  /** Puts a changed award in place without a round trip (after revoke or re-issue the list reloads too). */
  replace: (award: AwardSummary) => void;
}

export function useAwardsData(status: AwardStatus | null, search: string): AwardsData {
  const base = useLoad(() => Promise.all([call('awards:ready'), call('identity:get'), call('settings:get')]), []);
  const list = useLoad(
    () => call('awards:list', { ...(status ? { status } : {}), ...(search ? { search } : {}) }),
    [status, search],
  );
  const { reload: reloadBase } = base;
  const { reload: reloadList, set: setList } = list;
  const reload = useCallback(() => {
    reloadBase();
    reloadList();
  }, [reloadBase, reloadList]);

  const replace = useCallback(
    (award: AwardSummary) =>
      setList((awards) => awards && awards.map((a) => (a.credentialId === award.credentialId ? award : a))),
    [setList],
  );

  const failure = list.error ?? base.error;
  return {
    ready: base.data?.[0] ?? null,
    awards: list.data,
    hasIdentity: base.data ? base.data[1] !== null : null,
    paper: base.data?.[2].paper ?? 'a4',
    error: failure ? errorMessage(failure, admin.awards.loadFailed) : null,
    reload,
    replace,
  };
}
