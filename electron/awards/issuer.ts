// The issuer identity as a service: its public part, creating or importing one, and the unlocked keys,
// kept for the life of the services so the keys are opened once (the app) or the passphrase asked once (CLI).
import path from 'node:path';
import { AssayError } from '../../shared/errors.js';
import { READ_LIMITS, readBoundedFile, readLogoPng } from '../files/bounded-read.js';
import { anchorSigner, sealAuditHead, type AnchorSigner, type AuditHead } from '../store/audit-anchor.js';
import type { Db } from '../store/db.js';
import {
  generateSelfSignedIdentity,
  importPkcs12,
  loadIdentity,
  readIdentityPublic,
  saveIdentity,
  SigningIdentity,
  type GeneratedKeyAlgorithm,
  type IdentityPublic,
  type IssuerProfile,
  type SecretBox,
} from './identity/index.js';
import { recordIdentity } from './trust.js';
import { chooseDid, exportDidDocument, type DidExport } from './did/export.js';
import { exportVerifyPage, type VerifyPageExport } from './verify-page/export.js';

/**
 * Where the boxes that seal the signing keys come from: Electron's safeStorage in the app; in the CLI
 * a passphrase, asked for only when needed (and a new one when keys are sealed).
 */
export interface KeyBoxes {
  /** The box the stored keys are opened with. */
  unlock(): SecretBox | Promise<SecretBox>;
  /** The box new keys are sealed with. */
  seal(): SecretBox | Promise<SecretBox>;
}

/** A profile as a person gives it; `logoFile` is a PNG to read, null removes the logo, absent keeps it. */
export interface ProfileInput {
  name?: string | undefined;
  url?: string | undefined;
  email?: string | undefined;
  logoFile?: string | null | undefined;
}

export interface ReplaceOptions {
  /** False: refuse when an identity exists (the CLI without --force). The app replaces (default). */
  replace?: boolean;
}

const NO_BOXES: KeyBoxes = {
  unlock: () => {
    throw new AssayError('unavailable', 'Sealing the signing keys is not available in this window.');
  },
  seal: () => {
    throw new AssayError('unavailable', 'Sealing the signing keys is not available in this window.');
  },
};

export class IssuerIdentity {
  private unlocked: SigningIdentity | undefined;
  private boxes: KeyBoxes = NO_BOXES;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
  ) {}

  /** Where the sealing boxes come from; the shell that runs the services says so once, at start. */
  useKeyBoxes(boxes: KeyBoxes): void {
    this.boxes = boxes;
  }

  /** The public part (no keys), or null when there is no identity yet. */
  get(): IdentityPublic | null {
    return readIdentityPublic(this.dataDir);
  }

  exists(): boolean {
    return this.get() !== null;
  }

  /** Writes the did.json the issuing body publishes for `did` (else the one the imported packages name). */
  exportDidDocument(outDir: string, did?: string): DidExport {
    return exportDidDocument(this.db, this.dataDir, outDir, chooseDid(this.db, did));
  }

  /** Writes the verify page the issuing body hosts at `url` (else the verifyPageUrl setting, else `<issuer url>/verify`). */
  exportVerifyPage(outFile: string, url?: string): VerifyPageExport {
    return exportVerifyPage(this.db, this.dataDir, outFile, url);
  }

  /** The identity with its keys, opened once; `identity-missing` when there is none. */
  async unlock(): Promise<SigningIdentity> {
    if (!this.unlocked) {
      if (!this.exists())
        throw new AssayError(
          'identity-missing',
          'Set up the issuer identity in Settings first: awards are signed with it.',
        );
      this.unlocked = loadIdentity(this.dataDir, await this.boxes.unlock());
    }
    return this.unlocked;
  }

  /** An anchor signer when an identity exists (after sealing the audit head with it), else undefined. */
  async signerIfAny(): Promise<AnchorSigner | undefined> {
    if (!this.exists()) return undefined;
    const id = await this.unlock();
    this.db.transaction(() => sealAuditHead(this.db, anchorSigner(id))).immediate();
    return anchorSigner(id);
  }

  /** Seals the audit log's current head with the issuer key, so later rewrites show. */
  async checkpoint(): Promise<{ head: AuditHead; issuer: string }> {
    const id = await this.unlock();
    const head = this.db.transaction(() => sealAuditHead(this.db, anchorSigner(id))).immediate();
    return { head, issuer: id.profile.name };
  }

  /** A new self-signed identity; the one it replaces is retired, not forgotten. */
  async create(
    input: ProfileInput,
    options: ReplaceOptions & { algorithm?: GeneratedKeyAlgorithm } = {},
  ): Promise<IdentityPublic> {
    this.refuseReplace(options);
    const generated = await generateSelfSignedIdentity(
      this.profile(input, undefined),
      options.algorithm ? { algorithm: options.algorithm } : {},
    );
    return this.store(generated);
  }

  /** The issuing body's PKCS #12 (read bounded); `passphrase` is asked for only after the replace check. */
  async importPkcs12(
    file: string,
    passphrase: () => string | Promise<string>,
    options: ReplaceOptions & { profile?: ProfileInput | undefined } = {},
  ): Promise<IdentityPublic> {
    this.refuseReplace(options);
    const secret = await passphrase();
    const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.pkcs12, what: 'The PKCS #12 file' });
    const profile = options.profile?.name ? this.profile(options.profile, undefined) : undefined;
    const imported = await importPkcs12(bytes, secret, {
      fileName: path.basename(file),
      ...(profile ? { profile } : {}),
    });
    return this.store(imported);
  }

  /** The same keys and certificate under a changed profile (name, address, logo). */
  async setProfile(input: ProfileInput): Promise<IdentityPublic> {
    const current = await this.unlock();
    return this.store(
      new SigningIdentity({
        profile: this.profile(input, current.profile.logoPng),
        certificateChain: [...current.certificateChain],
        signingKey: current.signingKey,
        badgeKey: current.badgeKey,
      }),
    );
  }

  /** Refuses when an identity exists and `replace` is false (the CLI without --force). */
  refuseReplace(options: ReplaceOptions): void {
    if (options.replace === false && this.exists())
      throw new AssayError(
        'conflict',
        'An issuer identity exists already; pass --force to replace it (it is retired, not forgotten: certificates it issued stay valid here).',
      );
  }

  private profile(p: ProfileInput, keepLogo: Buffer | undefined): IssuerProfile {
    const base = { name: p.name ?? '', ...(p.url ? { url: p.url } : {}), ...(p.email ? { email: p.email } : {}) };
    if (p.logoFile) return { ...base, logoPng: readLogoPng(p.logoFile) };
    return p.logoFile === null || !keepLogo ? base : { ...base, logoPng: keepLogo };
  }

  /** Saves `id` sealed, records it, and answers its public part as saved. */
  private async store(id: SigningIdentity): Promise<IdentityPublic> {
    const box = await this.boxes.seal();
    recordIdentity(this.db, this.dataDir, id); // retires the identity it replaces; never forgets it
    saveIdentity(this.dataDir, id, box);
    this.unlocked = id;
    const saved = this.get();
    if (!saved) throw new Error(`The issuer identity was saved but cannot be read back from ${this.dataDir}.`);
    return saved;
  }
}
