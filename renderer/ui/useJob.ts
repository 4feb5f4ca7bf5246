// One job at a time on a screen (a backup, an import, an export), named by what it is, so that its own button can say
// it runs while the others wait. What a failure means stays with the screen: `failed` hears it.
import { useState } from 'react';

export function useJob<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const run = async (what: K, job: () => Promise<void>, failed: (err: unknown) => void) => {
    if (busy) return;
    setBusy(what);
    try {
      await job();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
