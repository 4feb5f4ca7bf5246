// Loads a screen's code the first time it is shown, so it stays out of the queue's first paint.
import { useLoad } from './useLoad.js';

const loaded = new Map<() => Promise<unknown>, unknown>();
const pending = new Map<() => Promise<unknown>, Promise<unknown>>();

/** One import per screen however often it is asked for; a failed one may be tried again on the next visit. */
function loadOnce<M>(load: () => Promise<M>): Promise<M> {
  if (loaded.has(load)) return Promise.resolve(loaded.get(load) as M);
  let promise = pending.get(load) as Promise<M> | undefined;
  if (!promise) {
    promise = load().then((m) => {
      loaded.set(load, m);
      return m;
    });
    pending.set(load, promise);
    promise.catch(() => pending.delete(load));
  }
  return promise;
}

/** The module `load` gives (null until it is here; at once on every later visit), and whether loading failed. */
export function useLoaded<M>(load: () => Promise<M>): { mod: M | null; failed: boolean } {
  const { data, error } = useLoad(() => loadOnce(load), [load]);
  const mod = data ?? (loaded.get(load) as M | undefined) ?? null;
  return { mod, failed: mod === null && error !== null };
}
