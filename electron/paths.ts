// Where Assay keeps its data: the per-user application data folder, as Electron's userData.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Assay';

/**
 * The folder Electron's `app.getPath('userData')` gives for "Assay", computed without Electron so
 * the CLI and the app share one store: %APPDATA%\Assay, ~/Library/Application Support/Assay, or
 * $XDG_CONFIG_HOME/Assay (~/.config/Assay).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** --data-dir wins, then ASSAY_DATA_DIR, then the per-user default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? (env.ASSAY_DATA_DIR || defaultDataDir(env)));
}
