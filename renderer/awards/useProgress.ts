// Follows `awards:progress` from main while a batch (issue or export) runs.
import { useEffect, useState } from 'react';
import { onEvent } from '../api.js';

export interface Progress {
  done: number;
  total: number;
}

export function useProgress(active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return onEvent('awards:progress', setProgress);
  }, [active]);
  return active ? progress : null;
}
