// The assessor's settings (paper, theme, backups …), one JSON value per key in the store's settings table.
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings.js';
import type { Db } from '../store/db.js';

export class SettingsStore {
  constructor(private readonly db: Db) {}

  /** Every setting, with the defaults for those never set. */
  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])));
  }

  /** Changes the settings named in `patch` (the others keep their values) in one transaction; answers them all. */
  set(patch: SettingsPatch): Settings {
    const defined = Object.fromEntries(
      Object.entries(patch as Record<string, unknown>).filter(([, v]) => v !== undefined),
    );
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
