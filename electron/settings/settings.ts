// The assessor's settings (paper, theme, backups, the web addresses verifiers reach …), one JSON value
// per key in the store's settings table.
import { AssayError } from '../../shared/errors.js';
import {
  settingsSchema,
  webAddressSettingProblem,
  type Settings,
  type SettingsPatch,
  type WebAddressSetting,
} from '../../shared/domain/settings.js';
import type { Db } from '../store/db.js';

const WEB_ADDRESSES: readonly WebAddressSetting[] = ['statusListUrl', 'verifyPageUrl'];

export class SettingsStore {
  constructor(private readonly db: Db) {}

  /** Every setting, with the defaults for those never set. */
  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])));
  }

  /**
   * Changes the settings named in `patch` (the others keep their values) in one transaction; answers them
   * all. A web address is trimmed; empty clears it; anything but an https URL is refused, naming the setting.
   */
  set(patch: SettingsPatch): Settings {
    const defined = Object.fromEntries(
      Object.entries(patch as Record<string, unknown>).filter(([, v]) => v !== undefined),
    );
    for (const key of WEB_ADDRESSES) {
      const value = defined[key];
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      const problem = trimmed === '' ? undefined : webAddressSettingProblem(key, trimmed);
      if (problem) throw new AssayError('invalid-input', problem);
      defined[key] = trimmed;
    }
    const next = settingsSchema.parse({ ...this.get(), ...defined });
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(next)) put.run(k, JSON.stringify(v));
    })();
    return next;
  }
}
