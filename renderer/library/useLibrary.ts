// The library's achievements (latest version of each), reloaded after anything changes them.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';

export type LibrarySummary = ChannelOutput<'library:list'>[number];

export function useLibrary(): { items: LibrarySummary[] | null; error: string | null; reload: () => void } {
  const [items, setItems] = useState<LibrarySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  useEffect(() => {
    let live = true;
    call('library:list')
      .then((list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err, admin.library.loadFailed)));
    return () => {
      live = false;
    };
  }, [key]);
  return { items, error, reload: useCallback(() => setKey((k) => k + 1), []) };
}
