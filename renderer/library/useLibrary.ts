// The library's achievements (latest version of each), reloaded after anything changes them.
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { useLoad } from '../ui/useLoad.js';

export type LibrarySummary = ChannelOutput<'library:list'>[number];

export function useLibrary(): { items: LibrarySummary[] | null; error: string | null; reload: () => void } {
  const { data, error, reload } = useLoad(() => call('library:list'), []);
  return { items: data, error: error ? errorMessage(error, admin.library.loadFailed) : null, reload };
}
