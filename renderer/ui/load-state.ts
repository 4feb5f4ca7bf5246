// The part of useLoad that needs no React: starting a load that can be overtaken, and the state its outcome leaves.
// Kept apart so a unit test (node, no DOM) can play the order of events React produces and check what lands.

export interface LoadState<T> {
  /** The last data that loaded (kept while a newer load runs, and beside a failure). */
  data: T | null;
  /** Why the last load failed; null after a success. */
  error: unknown;
  /** The load (one token per set of dependencies) these are the outcome of; null before any settled. */
  of: object | null;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

export const NOT_LOADED: LoadState<never> = { data: null, error: null, of: null };

/**
 * Starts `load` and hands its outcome to `settle`, unless the returned cancel ran first: a load overtaken by a
 * newer one (or by the component going away) never lands. The signal tells a long load it may stop early.
 */
export function startLoad<T>(load: (signal: AbortSignal) => Promise<T>, settle: (outcome: Outcome<T>) => void) {
  const abort = new AbortController();
  // A load that throws before it returns a promise fails like one that rejects.
  new Promise<T>((resolve) => resolve(load(abort.signal))).then(
    (data) => {
      if (!abort.signal.aborted) settle({ ok: true, data });
    },
    (error: unknown) => {
      if (!abort.signal.aborted) settle({ ok: false, error: error ?? new Error('The load failed') });
    },
  );
  return () => abort.abort();
}

/** The state once load `of` settled: new data replaces the old and clears the error; a failure keeps the old data. */
export function settle<T>(state: LoadState<T>, of: object, outcome: Outcome<T>): LoadState<T> {
  return outcome.ok ? { data: outcome.data, error: null, of } : { data: state.data, error: outcome.error, of };
}

export interface LoadKey {
  deps: readonly unknown[];
  token: object;
}

/** The key for this render: the last one while the dependencies are the same (Object.is per item, as React
 *  compares an effect's), else a new token, so a load started for other dependencies is recognisably stale. */
export function keyFor(last: LoadKey | null, deps: readonly unknown[]): LoadKey {
  const same = last !== null && last.deps.length === deps.length && last.deps.every((v, i) => Object.is(v, deps[i]));
  return same ? last : { deps, token: {} };
}
