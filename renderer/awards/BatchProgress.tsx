// How far a batch (awards issued or exported, packages opened into the coordination) has got, while it runs:
// "3 of 12" and a bar, announced politely.
import { useEffect, useState } from 'react';
import { onEvent } from '../api.js';
import './batch-progress.css';

export interface BatchProgressWords {
  starting: string;
  progress: (done: number, total: number) => string;
  progressLabel: string;
}

/**
 * Mounted while the batch runs, so each batch starts from nothing, not from the last one's count; it follows
 * `event` from main until it goes.
 */
export function BatchProgress({
  total,
  words,
  event = 'awards:progress',
}: {
  total: number;
  words: BatchProgressWords;
  /** The event main reports this batch's progress on. */
  event?: 'awards:progress' | 'coordination:progress';
}) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => onEvent(event, setProgress), [event]);
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
