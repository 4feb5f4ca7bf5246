// Backups as the app and the CLI make them: the audit head signed when an identity exists, the
// automatic one on quit as the settings say, and a restore that checks the file is one before anything.
import fs from 'node:fs';
import path from 'node:path';
import type { JobOptions } from '../awards/award-service.js';
import type { IssuerIdentity } from '../awards/issuer.js';
import { regularFileSize } from '../files/bounded-read.js';
import type { Services } from '../services.js';
import { identityParts, type LongJobs } from '../jobs/index.js';
import type { SettingsStore } from '../settings/settings.js';
import { autoBackup, restoreBackup, type BackupManifest, type BackupProgress } from './backup.js';

/** Where the automatic backups go, inside the data folder. */
export const AUTO_BACKUP_DIR = 'backups';

export class Backups {
  constructor(
    private readonly services: () => Services,
    private readonly issuer: IssuerIdentity,
    private readonly settings: SettingsStore,
    private readonly jobs: LongJobs,
  ) {}

  /**
   * A consistent backup into `file`. With an identity set up, the audit head is sealed and the
   * backup's head signed with it (an anchor for `assay audit verify --anchor`).
   */
  async create(file: string, options: JobOptions<BackupProgress> = {}): Promise<BackupManifest> {
    // With an identity the job seals the audit head and signs it into the backup.
    const identity = this.issuer.exists() ? identityParts(await this.issuer.unlock()) : undefined;
    return this.jobs.run('backup', { ...(identity ? { identity } : {}), outFile: file }, options);
  }

  /** The backup taken on quit when the settings ask for one, keeping the last few; null when they do not. */
  async onQuit(options: JobOptions<BackupProgress> = {}): Promise<string | null> {
    const { autoBackup: enabled, keepBackups } = this.settings.get();
    if (!enabled) return null;
    options.signal?.throwIfAborted();
    const s = this.services();
    return autoBackup(s, path.join(s.dataDir, AUTO_BACKUP_DIR), keepBackups);
  }
}

/**
 * Replaces the store in `dataDir` with a backup, checked before anything is replaced; refused while the
 * store is open. A pipe or a device would be waited on for ever: only a regular file is a backup (a
 * missing one is left to restoreBackup, which names it).
 */
export async function restoreDataDir(
  dataDir: string,
  file: string,
  options: JobOptions<BackupProgress> = {},
): Promise<BackupManifest> {
  if (fs.existsSync(file)) regularFileSize(path.resolve(file), { what: 'The backup' });
  options.signal?.throwIfAborted();
  return restoreBackup(dataDir, file, options.onProgress);
}
