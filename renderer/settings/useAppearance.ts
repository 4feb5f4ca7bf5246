// Puts the saved theme in force when the app starts: the remembered one at once, then the data folder's.
import { useLayoutEffect } from 'react';
import { call } from '../api.js';
import { applyTheme, rememberedTheme } from './appearance.js';

export function useAppearance(): void {
  useLayoutEffect(() => {
    const remembered = rememberedTheme();
    if (remembered) applyTheme(remembered);
    call('settings:get')
      .then((s) => applyTheme(s.theme))
      .catch(() => {
        // Without settings the system theme stays; the Settings screen reports the failure.
      });
  }, []);
}
