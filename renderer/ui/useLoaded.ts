// Loads a screen's code the first time it is shown, so it stays out of the queue's first paint.
import { useEffect, useState } from 'react';

const loaded = new Map<() => Promise<unknown>, unknown>();
const pending = new Map<() => Promise<unknown>, Promise<unknown>>();

/** The module `load` gives (null until it is here; at once on every later visit), and whether loading failed. */
export function useLoaded<M>(load: () => Promise<M>): { mod: M | null; failed: boolean } {
  const [mod, setMod] = useState<M | null>(() => (loaded.get(load) as M | undefined) ?? null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    let live = true;
    let promise = pending.get(load) as Promise<M> | undefined;
    if (!promise) {
      promise = load().then((m) => {
        loaded.set(load, m);
        return m;
      });
      pending.set(load, promise);
      // A failed load may be tried again on the next visit.
      promise.catch(() => pending.delete(load));
    }
    promise.then((m) => live && setMod(m)).catch((err: unknown) => live && setFailure(err));
    return () => {
      live = false;
    };
  }, [load, mod]);
  return { mod, failed: failure !== null };
}
