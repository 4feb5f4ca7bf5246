// The issuer identity's public part (profile and certificate), loaded from main; keys never reach the window.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';

export type IdentityPublic = NonNullable<ChannelOutput<'identity:get'>>;

export interface IdentityState {
  identity: IdentityPublic | null;
  loaded: boolean;
  error: string | null;
  set: (identity: IdentityPublic) => void;
}

export function useIdentity(): IdentityState {
  const [identity, setIdentity] = useState<IdentityPublic | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('identity:get')
      .then((i) => {
        if (!live) return;
        setIdentity(i);
        setLoaded(true);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setError(errorMessage(err, admin.identity.loadFailed));
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, []);

  const set = useCallback((next: IdentityPublic) => {
    setIdentity(next);
    setError(null);
  }, []);

  return { identity, loaded, error, set };
}
