// Awards as the app and the CLI use them: issued, re-issued, rendered and exported with the issuer's
// unlocked identity, in batches that report progress and can be stopped.
import { AssayError } from '../../shared/errors.js';
import type { Services } from '../services.js';
import type { Db } from '../store/db.js';
import { Awards, badgeSigner, type Award } from './awards.js';
import { exportStatusList, needsSigning, pickStatusList } from './status-list/index.js';
import type { StatusListRow } from './status-list/store.js';
import { exportAwardFiles, type AwardFormat, type ExportProgress } from './award-files.js';
import type { Paper } from './certificate/index.js';
import type { IssuerIdentity } from './issuer.js';
import { identityParts, type LongJobs } from '../jobs/index.js';

/** How a long job reports and is stopped; the same shape whether it runs here or in a worker. */
export interface JobOptions<P> {
  onProgress?: ((progress: P) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface IssueManyOptions extends JobOptions<ExportProgress> {
  /** Told of each award as it is issued (the CLI prints a line). */
  onIssued?: (award: Award) => void;
  /** Stop at the first failure and throw it (the CLI); by default failures are collected (the app). */
  stopOnError?: boolean;
}

export interface IssueManyResult {
  issued: Award[];
  failed: { submissionId: string; message: string }[];
}

export interface InForceExport {
  exported: number;
  files: number;
  /** Ids or codes asked for that are no award in force. */
  missing: string[];
}

export class AwardService extends Awards {
  constructor(
    db: Db,
    private readonly issuer: IssuerIdentity,
    private readonly services: () => Services,
    private readonly jobs: LongJobs,
  ) {
    super(db);
  }

  /** The award with this credential id; `not-found` when there is none. */
  require(credentialId: string): Award {
    const a = this.get(credentialId);
    if (!a) throw new AssayError('not-found', `There is no award ${credentialId}.`);
    return a;
  }

  /** The award with this credential id or verification code; `not-found` when there is none. */
  find(idOrCode: string): Award {
    const a = this.get(idOrCode) ?? this.byCode(idOrCode);
    if (!a) throw new AssayError('not-found', `There is no award ${idOrCode}.`);
    return a;
  }

  /** Issues an award for each passed review, signed with the issuer identity (`identity-missing` without one). */
  async issueMany(submissionIds: readonly string[], options: IssueManyOptions = {}): Promise<IssueManyResult> {
    const identity = await this.issuer.unlock();
    if (!options.stopOnError && !options.onIssued)
      // The app: signed as one long job (on a worker thread there), one award per transaction.
      return this.jobs.run(
        'awards-issue',
        { identity: identityParts(identity), submissionIds: [...submissionIds] },
        options,
      );
    // The CLI: prints each award as it is issued and stops at the first failure.
    const result: IssueManyResult = { issued: [], failed: [] };
    let done = 0;
    for (const submissionId of submissionIds) {
      options.signal?.throwIfAborted();
      try {
        const award = await this.issue(submissionId, identity);
        result.issued.push(award);
        options.onIssued?.(award);
      } catch (err) {
        if (options.stopOnError) throw err;
        result.failed.push({ submissionId, message: (err as Error).message });
      }
      options.onProgress?.({ done: ++done, total: submissionIds.length });
    }
    return result;
  }

  /** Re-issues an award in force after a correction, signed with the issuer identity. */
  async reissueSigned(credentialId: string, correction: { earnerName?: string } = {}): Promise<Award> {
    return this.reissue(credentialId, await this.issuer.unlock(), correction);
  }

  /**
   * Revokes the award named by credential id or verification code; with an identity, its status lists
   * are re-signed at once so the hosted copy can say so (`stale`: lists only a retired key could sign).
   */
  async revokeByIdOrCode(idOrCode: string, reason: string): Promise<{ award: Award; stale: StatusListRow[] }> {
    const target = this.find(idOrCode);
    if (!this.issuer.exists()) return { award: this.revoke(target.credentialId, reason), stale: [] };
    // The key is opened before anything changes (a wrong passphrase revokes nothing).
    return this.revokeAndPublish(target.credentialId, reason, await this.issuer.unlock());
  }

  /** Writes the signed status list (at `url`, else the only one) for hosting; re-signed first if it changed. */
  async exportStatusList(outFile: string, url?: string) {
    const list = pickStatusList(this.db, url);
    // The key is asked for only when the list changed since it was last signed.
    const signer = needsSigning(list)
      ? badgeSigner(await this.issuer.unlock(), list.issuerId.startsWith('did:web:') ? list.issuerId : undefined)
      : undefined;
    return exportStatusList(this.db, outFile, { ...(url ? { url } : {}), ...(signer ? { signer } : {}) });
  }

  /** The signed certificate PDF of one award. */
  async certificate(credentialId: string, paper: Paper): Promise<Uint8Array<ArrayBuffer>> {
    this.require(credentialId);
    const identity = identityParts(await this.issuer.unlock());
    // A preview asked for while another is drawn (the assessor moved on) waits its turn, never job-busy.
    const { pdf } = await this.jobs.runAfter('certificate', { identity, credentialId, paper });
    return new Uint8Array(pdf);
  }

  /** The signed certificate and a title for the print dialog. */
  async printable(credentialId: string, paper: Paper): Promise<{ pdf: Uint8Array; title: string }> {
    const a = this.require(credentialId);
    return { pdf: await this.certificate(credentialId, paper), title: `${a.achievementName} — ${a.earnerName}` };
  }

  /** The chosen formats of the awards named, into `folder` (certificates need the identity). */
  async exportFiles(
    credentialIds: readonly string[],
    folder: string,
    formats: readonly AwardFormat[],
    paper: Paper,
    options: JobOptions<ExportProgress> = {},
  ): Promise<{ files: number }> {
    for (const id of credentialIds) this.require(id);
    const identity = formats.includes('pdf') ? identityParts(await this.issuer.unlock()) : undefined;
    const input = { credentialIds: [...credentialIds], outDir: folder, formats: [...formats], paper };
    const { files } = await this.jobs.run('awards-export', identity ? { ...input, identity } : input, options);
    return { files: files.length };
  }

  /**
   * Every award in force (or those of `wanted`, by credential id or code) into `outDir`, a page at a
   * time (each page one certificate batch), so memory stays flat however many there are.
   */
  async exportInForce(
    outDir: string,
    formats: readonly AwardFormat[],
    paper: Paper,
    wanted: readonly string[] | undefined,
    options: Pick<JobOptions<never>, 'signal'> = {},
  ): Promise<InForceExport> {
    const identity = formats.includes('pdf') ? await this.issuer.unlock() : undefined;
    let exported = 0;
    let files = 0;
    const found = new Set<string>();
    for (const page of this.pages({ status: 'active', ...(wanted ? { ids: [...wanted] } : {}) })) {
      options.signal?.throwIfAborted();
      files += (await exportAwardFiles(this.services(), identity, page, outDir, formats, paper)).length;
      exported += page.length;
      for (const a of page) found.add(a.credentialId).add(a.verificationCode);
    }
    const missing = (wanted ?? []).filter((id) => !found.has(id.trim()) && !found.has(id.trim().toUpperCase()));
    return { exported, files, missing };
  }
}
