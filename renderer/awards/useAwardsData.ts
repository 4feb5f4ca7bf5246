// What the Awards screen shows: reviews ready to issue, issued awards (filtered), the identity and paper.
import { useCallback, useEffect, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
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
  const [ready, setReady] = useState<ReadyAward[] | null>(null);
  const [awards, setAwards] = useState<AwardSummary[] | null>(null);
  const [hasIdentity, setHasIdentity] = useState<boolean | null>(null);
  const [paper, setPaper] = useState<Paper>('a4');
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const reload = useCallback(() => setKey((k) => k + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([call('awards:ready'), call('identity:get'), call('settings:get')])
      .then(([r, identity, settings]) => {
        if (!live) return;
        setReady(r);
        setHasIdentity(identity !== null);
        setPaper(settings.paper);
      })
      .catch((err: unknown) => live && setError(errorMessage(err, admin.awards.loadFailed)));
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(() => {
    let live = true;
    call('awards:list', { ...(status ? { status } : {}), ...(search ? { search } : {}) })
      .then((list) => {
        if (!live) return;
        setAwards(list);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err, admin.awards.loadFailed)));
    return () => {
      live = false;
    };
  }, [status, search, key]);

  const replace = useCallback((award: AwardSummary) => {
    setAwards((list) => list && list.map((a) => (a.credentialId === award.credentialId ? award : a)));
  }, []);

  return { ready, awards, hasIdentity, paper, error, reload, replace };
}
