// Where a dialog puts focus when it opens: one frame after the native <dialog> focused its first control,
// on what the person will use first (a reason to write, a name to correct). `select` also selects its text.
import { useEffect } from 'react';
import { useLatest } from './useLatest.js';

export function useFocusOnOpen(target: () => HTMLElement | null | undefined, how: 'focus' | 'select' = 'focus'): void {
  const latest = useLatest({ target, how });
  // Once, when the dialog opens (the ref never changes).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const el = latest.current.target();
      el?.focus();
      if (latest.current.how === 'select' && el instanceof HTMLInputElement) el.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [latest]);
}
