// identity.json: the issuer's profile, certificate chain and Ed25519 public key in the clear, and the
// private keys sealed by a SecretBox. Written atomically (temporary file, fsync, rename).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, writeFileAtomic as writeAtomic } from '../../store/atomic-write.js';
import { IdentityError } from './errors.js';
import { SigningIdentity, certificatesToPem, pemToDerChain, type IssuerProfile } from './identity.js';
import type { SecretBox } from './secret-box.js';

export const IDENTITY_FILE = 'identity.json';
const FORMAT = 'assay-issuer-identity';
const VERSION = 1;

interface IdentityFileV1 {
  format: typeof FORMAT;
  version: 1;
  profile: { name: string; url?: string; email?: string; logoPng?: string };
  certificateChainPem: string;
  signingKeyAlgorithm: string;
  certificateFingerprint256: string;
  badgePublicKeySpki: string;
  sealedPrivateKeys: { box: string; data: string };
}

interface SealedKeys {
  signingKeyPkcs8: string;
  badgeKeyPkcs8: string;
}

export function identityPath(dir: string): string {
  return path.join(dir, IDENTITY_FILE);
}

/** Shared with every other file Assay writes (temporary name, fsync, rename; private by default). */
export function writeFileAtomic(file: string, data: string | Buffer, mode = PRIVATE_FILE_MODE): void {
  writeAtomic(file, data, { mode });
}

export function saveIdentity(dir: string, identity: SigningIdentity, box: SecretBox): string {
  const { signingKeyPkcs8, badgeKeyPkcs8 } = identity.exportPrivateKeysForSealing();
  const sealedJson: SealedKeys = {
    signingKeyPkcs8: signingKeyPkcs8.toString('base64'),
    badgeKeyPkcs8: badgeKeyPkcs8.toString('base64'),
  };
  signingKeyPkcs8.fill(0);
  badgeKeyPkcs8.fill(0);
  const plain = Buffer.from(JSON.stringify(sealedJson), 'utf8');
  let sealed: Buffer;
  try {
    sealed = box.seal(plain);
  } finally {
    plain.fill(0);
  }
  const { profile } = identity;
  const file: IdentityFileV1 = {
    format: FORMAT,
    version: VERSION,
    profile: {
      name: profile.name,
      ...(profile.url ? { url: profile.url } : {}),
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.logoPng ? { logoPng: profile.logoPng.toString('base64') } : {}),
    },
    certificateChainPem: certificatesToPem(identity.certificateChain),
    signingKeyAlgorithm: identity.keyAlgorithm,
    certificateFingerprint256: identity.fingerprint256,
    badgePublicKeySpki: identity.badgePublicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    sealedPrivateKeys: { box: box.kind, data: sealed.toString('base64') },
  };
  const target = identityPath(dir);
  writeFileAtomic(target, `${JSON.stringify(file, null, 2)}\n`);
  return target;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFile(text: string, where: string): IdentityFileV1 {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new IdentityError('corrupt', `${where} is not valid JSON.`, { cause: error });
  }
  if (!isRecord(json) || json['format'] !== FORMAT)
    throw new IdentityError('corrupt', `${where} is not an Assay issuer identity.`);
  if (json['version'] !== VERSION)
    throw new IdentityError(
      'unsupported',
      `${where} has format version ${String(json['version'])}, which this version of Assay cannot read.`,
    );
  const profile = json['profile'];
  const sealed = json['sealedPrivateKeys'];
  if (
    !isRecord(profile) ||
    typeof profile['name'] !== 'string' ||
    typeof json['certificateChainPem'] !== 'string' ||
    !isRecord(sealed) ||
    typeof sealed['data'] !== 'string' ||
    typeof sealed['box'] !== 'string' ||
    typeof json['badgePublicKeySpki'] !== 'string'
  ) {
    throw new IdentityError('corrupt', `${where} is missing required fields.`);
  }
  return json as unknown as IdentityFileV1;
}

export function identityExists(dir: string): boolean {
  return fs.existsSync(identityPath(dir));
}

export function loadIdentity(dir: string, box: SecretBox): SigningIdentity {
  const where = identityPath(dir);
  let text: string;
  try {
    text = fs.readFileSync(where, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new IdentityError('not-found', `There is no issuer identity in ${dir} (${IDENTITY_FILE} is missing).`);
    throw error;
  }
  const file = parseFile(text, where);
  if (file.sealedPrivateKeys.box !== box.kind) {
    throw new IdentityError(
      'wrong-passphrase',
      `The signing keys in ${where} were sealed by the ${file.sealedPrivateKeys.box === 'passphrase' ? 'command line with a passphrase' : 'desktop app’s system key store'}; open them the same way.`,
    );
  }
  let plain: Buffer;
  try {
    plain = box.open(Buffer.from(file.sealedPrivateKeys.data, 'base64'));
  } catch (error) {
    if (error instanceof IdentityError && error.reason === 'wrong-passphrase' && box.kind === 'passphrase') {
      throw new IdentityError('wrong-passphrase', `The passphrase for ${where} is not right.`, { cause: error });
    }
    throw error;
  }
  let keys: SealedKeys;
  try {
    keys = JSON.parse(plain.toString('utf8')) as SealedKeys;
  } catch (error) {
    throw new IdentityError('corrupt', `The sealed keys in ${where} are damaged.`, { cause: error });
  } finally {
    plain.fill(0);
  }
  const signingDer = Buffer.from(keys.signingKeyPkcs8, 'base64');
  const badgeDer = Buffer.from(keys.badgeKeyPkcs8, 'base64');
  try {
    const signingKey = crypto.createPrivateKey({ key: signingDer, format: 'der', type: 'pkcs8' });
    const badgeKey = crypto.createPrivateKey({ key: badgeDer, format: 'der', type: 'pkcs8' });
    const expectedBadge = Buffer.from(file.badgePublicKeySpki, 'base64');
    if (!crypto.createPublicKey(badgeKey).export({ type: 'spki', format: 'der' }).equals(expectedBadge)) {
      throw new IdentityError('corrupt', `The badge key in ${where} does not match its public key.`);
    }
    const profile: IssuerProfile = { name: file.profile.name };
    if (file.profile.url) profile.url = file.profile.url;
    if (file.profile.email) profile.email = file.profile.email;
    if (file.profile.logoPng) profile.logoPng = Buffer.from(file.profile.logoPng, 'base64');
    const chain = pemToDerChain(file.certificateChainPem);
    return new SigningIdentity({ profile, certificateChain: chain, signingKey, badgeKey });
  } catch (error) {
    if (error instanceof IdentityError) throw error;
    throw new IdentityError('corrupt', `The keys in ${where} could not be read.`, { cause: error });
  } finally {
    signingDer.fill(0);
    badgeDer.fill(0);
  }
}

/** What can be shown about the stored identity without unlocking its keys. */
export interface IdentityPublic {
  profile: { name: string; url?: string; email?: string; hasLogo: boolean };
  certificateSubject: string;
  certificateFingerprint256: string;
  validFrom: string;
  validTo: string;
  /** True when the certificate is its own issuer and signed by its own key (no CA vouches for it). */
  selfSigned: boolean;
  /** The certificate's issuer: itself when self-signed, else the CA that issued it. */
  certificateIssuer: string;
  /** Certificates stored with it, the signer's included (a CA-issued one carries its intermediates). */
  chainLength: number;
  keyAlgorithm: string;
  /** How the private keys are sealed: 'passphrase' (command line) or the desktop app's key store. */
  sealedBy: string;
  badgePublicKeySpki: string;
}

export function readIdentityPublic(dir: string): IdentityPublic | null {
  const where = identityPath(dir);
  if (!fs.existsSync(where)) return null;
  const file = parseFile(fs.readFileSync(where, 'utf8'), where);
  const chain = pemToDerChain(file.certificateChainPem);
  const leaf = chain[0];
  if (!leaf) throw new IdentityError('corrupt', `${where} has no certificate.`);
  const cert = new crypto.X509Certificate(leaf);
  return {
    profile: {
      name: file.profile.name,
      ...(file.profile.url ? { url: file.profile.url } : {}),
      ...(file.profile.email ? { email: file.profile.email } : {}),
      hasLogo: Boolean(file.profile.logoPng),
    },
    certificateSubject: cert.subject.replace(/\n/g, ', '),
    certificateFingerprint256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    selfSigned: isSelfSigned(cert),
    certificateIssuer: cert.issuer.replace(/\n/g, ', '),
    chainLength: chain.length,
    keyAlgorithm: file.signingKeyAlgorithm,
    sealedBy: file.sealedPrivateKeys.box,
    badgePublicKeySpki: file.badgePublicKeySpki,
  };
}

/** Same name as issuer and a signature its own key verifies: nobody else vouches for it. */
export function isSelfSigned(cert: crypto.X509Certificate): boolean {
  return cert.subject === cert.issuer && cert.verify(cert.publicKey);
}

/** The stored certificate chain (PEM), for keeping an identity's public part when it is retired. */
export function readIdentityCertificatePem(dir: string): string | null {
  const where = identityPath(dir);
  if (!fs.existsSync(where)) return null;
  return parseFile(fs.readFileSync(where, 'utf8'), where).certificateChainPem;
}
