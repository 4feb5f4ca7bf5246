// The assessor's settings from the data folder, and a way to change some of them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../shared/domain/settings.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { useLoad } from '../ui/useLoad.js';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  /** Saves a change; resolves to the settings now in force, or null when it was refused. */
  update: (partial: Partial<Settings>) => Promise<Settings | null>;
}

export function useSettings(): SettingsState {
  const loaded = useLoad(() => call('settings:get'), []);
  const { set: setSettings } = loaded;
  const [saveError, setSaveError] = useState<string | null>(null);
  // The settings as last saved, for the next change to build on (changes can follow each other quickly).
  const latest = useRef<Settings | null>(null);
  useEffect(() => {
    latest.current ??= loaded.data;
  }, [loaded.data]);

  const update = useCallback(
    async (partial: Partial<Settings>) => {
      const before = latest.current;
      if (!before) return null;
      // Shown at once (a radio button must not spring back while the change is saved), put back if refused.
      // The whole set is sent, not just the change: settings:set fills what a partial input leaves out
      // with the defaults (zod 4 applies .default() inside .partial()), which would undo earlier choices.
      const wanted = { ...before, ...partial };
      latest.current = wanted;
      setSettings(() => wanted);
      try {
        const next = await call('settings:set', wanted);
        if (latest.current === wanted) {
          latest.current = next;
          setSettings(() => next);
        }
        setSaveError(null);
        return next;
      } catch (err) {
        if (latest.current === wanted) {
          latest.current = before;
          setSettings(() => before);
        }
        setSaveError(errorMessage(err, admin.settings.saveFailed));
        return null;
      }
    },
    [setSettings],
  );

  const error = saveError ?? (loaded.error ? errorMessage(loaded.error, admin.settings.loadFailed) : null);
  return { settings: loaded.data, error, update };
}
