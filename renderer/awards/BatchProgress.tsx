// How far a batch of awards (issuing, exporting) has got, while it runs: "3 of 12" and a bar, announced politely.
import { useEffect, useState } from 'react';
import { onEvent } from '../api.js';

export interface BatchProgressWords {
  starting: string;
  progress: (done: number, total: number) => string;
  progressLabel: string;
}

/**
 * Mounted while the batch runs, so each batch starts from nothing, not from the last one's count; it follows
 * `awards:progress` from main until it goes.
 */
export function BatchProgress({ total, words }: { total: number; words: BatchProgressWords }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => onEvent('awards:progress', setProgress), []);
  return (
    <div className="aw-progress" role="status">
      <span>{progress ? words.progress(progress.done, progress.total) : words.starting}</span>
      <progress
        className="progress"
        aria-label={words.progressLabel}
        max={progress?.total ?? total}
        value={progress?.done ?? 0}
      />
    </div>
  );
}
