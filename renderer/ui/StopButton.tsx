// Stops a long job that main runs on a worker (issuing, exporting, a backup): it stops at its next safe
// point and removes what it had written; the call that started it then fails with `job-cancelled`.
import { useState } from 'react';
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import type { JobKindName } from '../../shared/domain/jobs.js';

export interface StopButtonProps {
  kind: JobKindName;
  /** What the button stops, for screen readers ("Stop the export"). */
  label: string;
  className?: string;
}

export function StopButton({ kind, label, className = 'button' }: StopButtonProps) {
  const [stopping, setStopping] = useState(false);
  const stop = async () => {
    if (stopping) return;
    setStopping(true);
    // false: the job had already finished; its own outcome then shows, so there is nothing to say here.
    await call('jobs:cancel', { kind }).catch(() => false);
  };
  return (
    <button
      type="button"
      className={className}
      onClick={() => void stop()}
      aria-label={label}
      aria-disabled={stopping || undefined}
    >
      {stopping ? admin.common.stopping : admin.common.stop}
    </button>
  );
}
