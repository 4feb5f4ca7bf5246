// Blind review: one switch for the whole app, remembered across restarts; screens read it from here.
import { usePersistentFlag } from '../ui/usePersistentFlag.js';

export const BLIND_STORAGE_KEY = 'assay.blindReview';

/** [on, set]: when on, every call that can return identity must pass `blind: true`, and nothing may show it. */
export function useBlindReview(): [boolean, (on: boolean) => void] {
  return usePersistentFlag(BLIND_STORAGE_KEY, false);
}
