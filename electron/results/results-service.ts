// The signed results package as the app and the CLI make and check it: one place (the results-export
// job, on a worker thread in the app) seals the audit head, signs and attaches the certificates.
import type { JobOptions } from '../awards/award-service.js';
import type { Paper } from '../awards/certificate/index.js';
import { verifyDetachedCms } from '../awards/cms-verify.js';
import type { IssuerIdentity } from '../awards/issuer.js';
import { storeTrust } from '../awards/trust.js';
import type { Services } from '../services.js';
import type { SettingsStore } from '../settings/settings.js';
import { verifyResults } from './verify.js';
import { identityParts, type LongJobs } from '../jobs/index.js';

export interface ResultsExport {
  dir: string;
  submissions: number;
  awards: number;
  /** The issuer whose key signed it. */
  signedBy: string;
}

export class ResultsService {
  constructor(
    private readonly issuer: IssuerIdentity,
    private readonly settings: SettingsStore,
    private readonly jobs: LongJobs,
    private readonly services: () => Services,
  ) {}

  /** Writes the package into `outDir` (new or empty), signed; `paper` defaults to the settings' paper. */
  async export(
    outDir: string,
    options: JobOptions<{ done: number; total: number }> & { paper?: Paper | undefined } = {},
  ): Promise<ResultsExport> {
    const id = await this.issuer.unlock();
    const paper = options.paper ?? this.settings.get().paper;
    // The job seals the audit head, signs the package and attaches the certificates.
    const r = await this.jobs.run('results-export', { identity: identityParts(id), outDir, paper }, options);
    return { ...r, signedBy: id.profile.name };
  }

  /** Checks a results package: its signature, every file, and that the signer is trusted here or given. */
  verify(target: string, certificates: readonly { fingerprint256: string; label: string }[] = []) {
    const s = this.services();
    return verifyResults(target, verifyDetachedCms, {
      trust: storeTrust(s.db, s.dataDir, { certificates: [...certificates] }),
    });
  }
}
