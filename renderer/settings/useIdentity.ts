// The issuer identity's public part (profile and certificate), loaded from main; keys never reach the window.
import { useCallback } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { useLoad } from '../ui/useLoad.js';

export type IdentityPublic = NonNullable<ChannelOutput<'identity:get'>>;

export interface IdentityState {
  identity: IdentityPublic | null;
  loaded: boolean;
  error: string | null;
  set: (identity: IdentityPublic) => void;
}

export function useIdentity(): IdentityState {
  const { data, error, loading, set: setData } = useLoad(() => call('identity:get'), []);
  const set = useCallback((next: IdentityPublic) => setData(() => next), [setData]);
  return {
    identity: data,
    loaded: !loading,
    error: error ? errorMessage(error, admin.identity.loadFailed) : null,
    set,
  };
}
