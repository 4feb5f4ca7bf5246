// Loads data when its dependencies change and hands back only the newest load's outcome: the one hook for every
// "fetch on mount / on change" effect, instead of a hand-written `let live = true` in each.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { keyFor, NOT_LOADED, settle, startLoad, type LoadKey, type LoadState } from './load-state.js';
import { useLatest } from './useLatest.js';

export interface Loaded<T> {
  /** The last data that loaded: kept while a reload or a load for new dependencies runs, and after a failure. */
  data: T | null;
  /** Why the newest load failed (null when it did not). */
  error: unknown;
  /** True until the load for the current dependencies (or the last reload) has settled. */
  loading: boolean;
  /** Loads again with the same dependencies. */
  reload: () => void;
  /** Puts known-good data in place without a round trip (after a change the screen made itself). */
  set: (update: (data: T | null) => T | null) => void;
}

/**
 * Runs `load` on mount and whenever `deps` change (as an effect's dependencies). A load overtaken by a newer one,
 * or by unmount, never lands; its signal is aborted so a long load can stop early. `load` itself is not a
 * dependency: it is a new closure every render, and the caller's `deps` say when what it reads has changed.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<LoadState<T>>(NOT_LOADED);
  // One token per set of dependencies, swapped in during render (React's way to adjust state when its inputs change)
  // so `loading` is true in the very render that changed them.
  const [key, setKey] = useState<LoadKey>(() => keyFor(null, [...deps, reloads]));
  const current = keyFor(key, [...deps, reloads]);
  if (current !== key) setKey(current);
  const token = current.token;
  // The effect reads the newest `load` (set by the time effects run); `token` says when to call it.
  const loadRef = useLatest(load);

  useEffect(
    () => startLoad(loadRef.current, (outcome) => setState((s) => settle(s, token, outcome))),
    [token, loadRef],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const set = useCallback(
    (update: (data: T | null) => T | null) => setState((s) => ({ ...s, data: update(s.data), error: null })),
    [],
  );
  return { data: state.data, error: state.error, loading: state.of !== token, reload, set };
}
