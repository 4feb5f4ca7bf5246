// Award files: signed certificate PDFs, credential JSON and baked badge PNGs, one at a time or in batches.
import { AssayError } from '../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { renderBadge } from '../sample/evidence.js';
import type { Services } from '../services.js';
import { mkdirPrivate, removeStaleTemps, writeFileAtomic } from '../store/atomic-write.js';
import type { Award } from './awards.js';
import { CertificateRenderer, type CertificateAward, type Paper } from './certificate/index.js';
import { bakePng } from './credential/index.js';
import type { SigningIdentity } from './identity/index.js';
import { verifyPageUrlSetting } from './verify-page/config.js';

export type AwardFormat = 'pdf' | 'json' | 'png';

/** What a certificate is drawn from: an award of the Awards screen, or of a coordinator's final package. */
export type CertificateSource = Pick<
  Award,
  | 'credentialId'
  | 'verificationCode'
  | 'issuedAt'
  | 'earnerName'
  | 'achievementName'
  | 'achievementDescription'
  | 'credits'
  | 'assessorName'
  | 'credentialJson'
  | 'levels'
>;

export function certificateAward(
  award: CertificateSource,
  identity: SigningIdentity,
  paper: Paper,
  verifyPageUrl?: string,
): CertificateAward {
  return {
    ...(verifyPageUrl ? { verifyPageUrl } : {}),
    credentialId: award.credentialId,
    verificationCode: award.verificationCode,
    issuedAt: award.issuedAt,
    earnerName: award.earnerName,
    achievementName: award.achievementName,
    achievementDescription: award.achievementDescription,
    ...(award.credits ? { credits: award.credits } : {}),
    assessorName: award.assessorName,
    issuer: identity.profile,
    credentialJson: award.credentialJson,
    levels: award.levels.map((l) => ({ criterion: l.criterion, level: l.level })),
    paper,
  };
}

/** Renders and signs certificates; one renderer (fonts loaded, frame artwork made) for the whole batch. */
export class CertificateBatch {
  private readonly renderer: CertificateRenderer;
  constructor(
    private readonly identity: SigningIdentity,
    private readonly paper: Paper,
    /** The verify page the QR codes open (the verifyPageUrl setting); default `<issuer url>/verify`. */
    private readonly verifyPageUrl?: string,
  ) {
    this.renderer = new CertificateRenderer({ identity });
  }

  /** Rendered and signed in one save (the signature placeholder is built into the document). */
  async pdf(award: CertificateSource): Promise<Uint8Array> {
    return this.renderer.renderSigned(
      certificateAward(award, this.identity, this.paper, this.verifyPageUrl),
      this.identity,
      {
        signingTime: new Date(),
        reason: `Certificate ${award.verificationCode}`,
        name: this.identity.profile.name,
      },
    );
  }
}

/** One batch's certificate renderer as the results package takes it. */
export function certificateMaker(
  identity: SigningIdentity,
  paper: Paper,
  verifyPageUrl?: string,
): (award: Award) => Promise<Uint8Array> {
  const batch = new CertificateBatch(identity, paper, verifyPageUrl);
  return (award) => batch.pdf(award);
}

/**
 * The achievement's own badge image (or a plain badge drawn from its initials when it has none): read or
 * drawn once per achievement version and kept in `badges`, as an export's awards share a few achievements.
 */
function badgeImage(
  services: Pick<Services, 'db' | 'evidence'>,
  award: Award,
  badges: Map<number, Buffer> = new Map(),
): Buffer {
  const known = badges.get(award.achievementVersionId);
  if (known) return known;
  const sha = services.db
    .prepare('SELECT image_sha256 FROM achievement_versions WHERE version_id = ?')
    .pluck()
    .get(award.achievementVersionId) as string | null;
  let png: Buffer | undefined;
  if (sha) {
    const bytes = fs.readFileSync(services.evidence.pathOf(sha));
    if (bytes.subarray(1, 4).toString('latin1') === 'PNG') png = bytes;
  }
  const initials =
    award.achievementName
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .slice(0, 3)
      .map((w) => w[0])
      .join('') || 'A';
  const image = png ?? renderBadge(initials, [23, 94, 89], 'hexagon');
  badges.set(award.achievementVersionId, image);
  return image;
}

/** The achievement's badge image with the award's credential baked in. */
export function bakedBadge(
  services: Pick<Services, 'db' | 'evidence'>,
  award: Award,
  badges?: Map<number, Buffer>,
): Buffer {
  return bakePng(badgeImage(services, award, badges), award.credentialJson);
}

/** A file name people recognise, safe on every file system. */
export function awardFileName(award: Award, ext: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
  return `${clean(award.achievementName)} - ${clean(award.earnerName)} - ${award.verificationCode}.${ext}`;
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Writes the chosen formats for each award into `outDir`; yields between awards so the app stays responsive. */
export async function exportAwardFiles(
  services: Pick<Services, 'db' | 'evidence'>,
  identity: SigningIdentity | undefined,
  awards: readonly Award[],
  outDir: string,
  formats: readonly AwardFormat[],
  paper: Paper,
  onProgress: (p: ExportProgress) => void = () => {},
): Promise<string[]> {
  mkdirPrivate(outDir);
  removeStaleTemps(outDir);
  if (formats.includes('pdf') && !identity)
    throw new AssayError('identity-missing', 'Certificates are signed: set up the issuer identity (Settings) first.');
  const batch =
    formats.includes('pdf') && identity
      ? new CertificateBatch(identity, paper, verifyPageUrlSetting(services.db))
      : undefined;
  const written: string[] = [];
  /** Each achievement's badge image, read or drawn once for the export. */
  const badges = new Map<number, Buffer>();
  let done = 0;
  for (const award of awards) {
    const write = (ext: string, bytes: Uint8Array | string) => {
      const file = path.join(outDir, awardFileName(award, ext));
      // A re-export replaces a good file only with a complete new one (private: it names a person).
      writeFileAtomic(file, bytes);
      written.push(file);
    };
    if (batch) write('pdf', await batch.pdf(award));
    if (formats.includes('json')) write('json', award.credentialJson);
    if (formats.includes('png')) write('png', bakedBadge(services, award, badges));
    onProgress({ done: ++done, total: awards.length });
    await new Promise<void>((r) => setImmediate(r));
  }
  return written;
}
