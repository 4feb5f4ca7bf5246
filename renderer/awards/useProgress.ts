// Follows `awards:progress` from main while a batch (issue or export) runs.
import { useEffect, useState } from 'react';
import { onEvent } from '../api.js';

export interface Progress {
  done: number;
  total: number;
}

export function useProgress(active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  // A new batch starts from nothing, not from the last batch's count: reset in the render that starts it.
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    if (active) setProgress(null);
  }
  useEffect(() => {
    if (!active) return;
    return onEvent('awards:progress', setProgress);
  }, [active]);
  return active ? progress : null;
}
