// useLoad's core, played in the order React runs a component whose dependencies change while a load is out:
// render (key), effect (start), then on new dependencies render, cleanup (cancel) and effect again.
import { describe, expect, it } from 'vitest';
import {
  keyFor,
  NOT_LOADED,
  settle,
  startLoad,
  type LoadKey,
  type LoadState,
} from '../../../renderer/ui/load-state.js';

/** A promise the test settles by hand, so the order of outcomes is chosen, never timed. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What useLoad does, without React: one key per render, one load per key, the state its outcomes leave. */
function component<T>() {
  let key: LoadKey | null = null;
  let state: LoadState<T> = NOT_LOADED;
  let cancel: (() => void) | null = null;
  const signals: AbortSignal[] = [];
  return {
    render(deps: unknown[], load: () => Promise<T>) {
      const before = key;
      key = keyFor(key, deps);
      if (key === before) return;
      const token = key.token;
      cancel?.();
      cancel = startLoad(
        (signal) => {
          signals.push(signal);
          return load();
        },
        (outcome) => {
          state = settle(state, token, outcome);
        },
      );
    },
    unmount: () => cancel?.(),
    get view() {
      return { data: state.data, error: state.error, loading: state.of !== key?.token };
    },
    signals,
  };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('useLoad core', () => {
  it('drops a load overtaken by newer dependencies, even when it finishes last', async () => {
    const c = component<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    c.render(['a'], () => first.promise);
    c.render(['b'], () => second.promise);
    expect(c.view.loading).toBe(true);
    expect(c.signals[0]!.aborted).toBe(true);

    second.resolve('result for b');
    await flush();
    expect(c.view).toEqual({ data: 'result for b', error: null, loading: false });

    first.resolve('result for a');
    await flush();
    expect(c.view).toEqual({ data: 'result for b', error: null, loading: false });
  });

  it('stays loading when the stale load finishes first, and takes only the current one', async () => {
    const c = component<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    c.render(['a'], () => first.promise);
    c.render(['b'], () => second.promise);
    first.resolve('result for a');
    await flush();
    expect(c.view).toEqual({ data: null, error: null, loading: true });
    second.resolve('result for b');
    await flush();
    expect(c.view.data).toBe('result for b');
  });

  it("ignores a stale load's failure", async () => {
    const c = component<string>();
    const first = deferred<string>();
    c.render([1], () => first.promise);
    c.render([2], () => Promise.resolve('two'));
    await flush();
    first.reject(new Error('late failure of the old load'));
    await flush();
    expect(c.view).toEqual({ data: 'two', error: null, loading: false });
  });

  it('lands nothing after unmount', async () => {
    const c = component<string>();
    const only = deferred<string>();
    c.render(['x'], () => only.promise);
    c.unmount();
    only.resolve('too late');
    await flush();
    expect(c.view.data).toBeNull();
    expect(c.signals[0]!.aborted).toBe(true);
  });

  it('does not load again for equal dependencies, and keeps the data beside a later failure', async () => {
    const c = component<number>();
    let calls = 0;
    c.render(['same', 1], () => Promise.resolve(++calls));
    c.render(['same', 1], () => Promise.resolve(++calls));
    await flush();
    expect(calls).toBe(1);
    expect(c.view).toEqual({ data: 1, error: null, loading: false });

    const boom = new Error('refused');
    c.render(['same', 2], () => Promise.reject(boom));
    expect(c.view).toMatchObject({ data: 1, loading: true });
    await flush();
    expect(c.view).toEqual({ data: 1, error: boom, loading: false });
  });

  it('fails, rather than throws, when the load throws before returning a promise', async () => {
    const c = component<string>();
    c.render([0], () => {
      throw new Error('thrown at once');
    });
    await flush();
    expect(c.view.loading).toBe(false);
    expect((c.view.error as Error).message).toBe('thrown at once');
  });
});
