// The signed results package as the app and the CLI make and check it: one place that seals the audit
// head, signs with the issuer identity and attaches the certificates.
import { createHash } from 'node:crypto';
import type { JobOptions } from '../awards/award-service.js';
import { certificateMaker } from '../awards/award-files.js';
import { buildCadesSignature } from '../awards/certificate/cms.js';
import type { Paper } from '../awards/certificate/index.js';
import { verifyDetachedCms } from '../awards/cms-verify.js';
import type { IssuerIdentity } from '../awards/issuer.js';
import { storeTrust } from '../awards/trust.js';
import type { Services } from '../services.js';
import type { SettingsStore } from '../settings/settings.js';
import { anchorSigner, sealAuditHead } from '../store/audit-anchor.js';
import { exportResults } from './results.js';
import { verifyResults } from './verify.js';

export interface ResultsExport {
  dir: string;
  submissions: number;
  awards: number;
  /** The issuer whose key signed it. */
  signedBy: string;
}

export class ResultsService {
  constructor(
    private readonly services: () => Services,
    private readonly issuer: IssuerIdentity,
    private readonly settings: SettingsStore,
  ) {}

  /** Writes the package into `outDir` (new or empty), signed; `paper` defaults to the settings' paper. */
  async export(
    outDir: string,
    options: JobOptions<{ done: number; total: number }> & { paper?: Paper | undefined } = {},
  ): Promise<ResultsExport> {
    const s = this.services();
    const id = await this.issuer.unlock();
    options.signal?.throwIfAborted();
    s.db.transaction(() => sealAuditHead(s.db, anchorSigner(id))).immediate();
    const paper = options.paper ?? this.settings.get().paper;
    const r = await exportResults(
      s,
      outDir,
      {
        name: id.profile.name,
        signDetached: (data) => buildCadesSignature(id, createHash('sha256').update(data).digest()),
      },
      {
        certificates: (inForce) => certificateMaker(id, paper, inForce),
        ...(options.onProgress
          ? { onProgress: (done: number, total: number) => options.onProgress?.({ done, total }) }
          : {}),
      },
    );
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
