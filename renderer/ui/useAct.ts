// A dialog's or a section's one action (save, revoke, restore, export…): run once at a time, busy while it runs, its
// refusal kept to show. In a dialog busy stays on once the action succeeds: the dialog is closing (or the app
// restarting), nothing is to be pressed again. A section stays open, so `{ again: true }` makes it ready again.
import { useState } from 'react';
import { errorMessage } from '../api.js';

export interface Act {
  busy: boolean;
  /** The last refusal in the assessor's words; null while running and after success. */
  failure: string | null;
  /**
   * Runs `task` unless one is running. A thrown error becomes `failure`: `fallback` words an error without a
   * message of its own (see errorMessage), or, as a function, words the whole failure itself.
   */
  run: (task: () => Promise<void>, fallback: string | ((err: unknown) => string)) => Promise<void>;
}

export function useAct({ again = false }: { again?: boolean } = {}): Act {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (task: () => Promise<void>, fallback: string | ((err: unknown) => string)) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await task();
      if (again) setBusy(false);
    } catch (err) {
      setFailure(typeof fallback === 'string' ? errorMessage(err, fallback) : fallback(err));
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
