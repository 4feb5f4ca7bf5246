// Time on task: counts only while the window is visible and focused and the assessor acted in the last minute.
import { useEffect, useMemo, useRef, useState } from 'react';

/** Reading a page of evidence without touching anything still counts, for this long. */
export const IDLE_AFTER_MS = 60_000;
const TICK_MS = 1000;
/** The most one save may carry (the contract's limit); the rest waits for the next save. */
const MAX_PER_SAVE = 3_600_000;

export interface ActiveTime {
  /** The time counted since the last take, in whole ms; the counter starts again from zero. */
  take: () => number;
  /** Puts back time that a failed save did not deliver. */
  giveBack: (ms: number) => void;
  /** Counted but not yet taken. */
  pending: () => number;
}

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'input', 'scroll'] as const;

interface Clock {
  counted: number;
  /** Start of the running slice, and whether the window was in use when it began. */
  sliceStart: number;
  sliceActive: boolean;
  lastActivity: number;
  enabled: boolean;
}

function inUse(c: Clock): boolean {
  return (
    c.enabled &&
    document.visibilityState === 'visible' &&
    document.hasFocus() &&
    performance.now() - c.lastActivity < IDLE_AFTER_MS
  );
}

/** Closes the running slice (counting it if the window was in use as it began) and opens the next. */
function settle(c: Clock): void {
  const now = performance.now();
  // A long gap (the machine slept, the timer was throttled) counts for two ticks at most.
  if (c.sliceActive) c.counted += Math.min(now - c.sliceStart, TICK_MS * 2);
  c.sliceStart = now;
  c.sliceActive = inUse(c);
}

export function useActiveTime(enabled: boolean): ActiveTime {
  // The clock starts when the hook first renders: read once (a lazy initial state), not on every render.
  const [startedAt] = useState(() => performance.now());
  const clock = useRef<Clock>({
    counted: 0,
    sliceStart: startedAt,
    sliceActive: false,
    lastActivity: startedAt,
    enabled,
  });

  useEffect(() => {
    const c = clock.current;
    c.enabled = enabled;
    if (!enabled) {
      settle(c);
      return;
    }
    const touch = () => {
      const wasIdle = !c.sliceActive;
      c.lastActivity = performance.now();
      // Coming back from idle starts counting now, not at the next tick.
      if (wasIdle) settle(c);
    };
    const onChange = () => settle(c);
    const timer = window.setInterval(onChange, TICK_MS);
    for (const type of ACTIVITY) document.addEventListener(type, touch, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onChange);
    window.addEventListener('blur', onChange);
    window.addEventListener('focus', onChange);
    touch();
    settle(c);
    return () => {
      settle(c);
      window.clearInterval(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, touch, { capture: true });
      document.removeEventListener('visibilitychange', onChange);
      window.removeEventListener('blur', onChange);
      window.removeEventListener('focus', onChange);
    };
  }, [enabled]);

  return useMemo<ActiveTime>(
    () => ({
      take: () => {
        const c = clock.current;
        settle(c);
        const ms = Math.min(MAX_PER_SAVE, Math.floor(c.counted));
        c.counted -= ms;
        return ms;
      },
      giveBack: (ms) => {
        clock.current.counted += ms;
      },
      pending: () => {
        settle(clock.current);
        return clock.current.counted;
      },
    }),
    [],
  );
}
