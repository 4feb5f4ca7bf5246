// The newest value of a prop or closure, for listeners subscribed once (window events, IPC events, async work) that
// must call what the last render handed in. Written after each commit, never during render: a render React throws
// away must not leak its values into a listener.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  // A layout effect runs before the browser can deliver the next event, so no listener sees a stale value.
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
