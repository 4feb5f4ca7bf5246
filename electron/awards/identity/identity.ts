// The issuer's signing identity: an X.509 certificate (with its chain) and its private key, for PAdES
// signatures on certificates, plus an Ed25519 key pair for Open Badges proofs and signed QR payloads.
// Private keys live only as in-memory KeyObjects in private fields; toJSON and util.inspect leave them out.
import crypto, { type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { X509Certificate } from 'node:crypto';
import { IdentityError } from './errors.js';

export interface IssuerProfile {
  name: string;
  url?: string;
  email?: string;
  /** The issuer's logo as PNG bytes, drawn at the top of certificates. */
  logoPng?: Buffer;
}

export type SigningKeyAlgorithm = 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'rsa';

export interface SigningIdentityParts {
  profile: IssuerProfile;
  /** DER certificates, the signer's first, then its issuers. */
  certificateChain: Buffer[];
  signingKey: KeyObject;
  badgeKey: KeyObject;
}

function pem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

export function pemToDerChain(text: string): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  return out;
}

export function certificatesToPem(chain: readonly Buffer[]): string {
  return chain.map(pem).join('');
}

function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  const da = a.export({ type: 'spki', format: 'der' });
  const db = b.export({ type: 'spki', format: 'der' });
  return da.equals(db);
}

function keyAlgorithmOf(key: KeyObject): SigningKeyAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'rsa';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ecdsa-p256';
    if (curve === 'secp384r1') return 'ecdsa-p384';
    if (curve === 'secp521r1') return 'ecdsa-p521';
    throw new IdentityError(
      'unsupported',
      `The signing key uses the elliptic curve ${curve ?? 'unknown'}, which PDF signatures do not support here; use P-256, P-384, P-521 or RSA.`,
    );
  }
  throw new IdentityError(
    'unsupported',
    `The signing key is a ${key.asymmetricKeyType ?? 'unknown'} key; PDF signatures need an RSA or ECDSA key.`,
  );
}

export class SigningIdentity {
  readonly profile: IssuerProfile;
  readonly certificateChain: readonly Buffer[];
  readonly certificate: X509Certificate;
  readonly keyAlgorithm: SigningKeyAlgorithm;
  readonly badgePublicKey: KeyObject;
  #signingKey: KeyObject;
  #badgeKey: KeyObject;

  constructor(parts: SigningIdentityParts) {
    const leaf = parts.certificateChain[0];
    if (!leaf) throw new IdentityError('no-certificate', 'The signing identity has no certificate.');
    if (parts.signingKey.type !== 'private')
      throw new TypeError('SigningIdentity: signingKey must be a private KeyObject');
    if (parts.badgeKey.type !== 'private' || parts.badgeKey.asymmetricKeyType !== 'ed25519')
      throw new TypeError('SigningIdentity: badgeKey must be a private Ed25519 KeyObject');
    this.certificate = new X509Certificate(leaf);
    if (!samePublicKey(this.certificate.publicKey, crypto.createPublicKey(parts.signingKey))) {
      throw new IdentityError('no-private-key', 'The private key does not belong to the signing certificate.');
    }
    this.profile = { ...parts.profile };
    this.certificateChain = parts.certificateChain.map((c) => Buffer.from(c));
    this.keyAlgorithm = keyAlgorithmOf(parts.signingKey);
    this.#signingKey = parts.signingKey;
    this.#badgeKey = parts.badgeKey;
    this.badgePublicKey = crypto.createPublicKey(parts.badgeKey);
  }

  /** The signer's subject common name (CN). */
  get commonName(): string {
    return /(?:^|\n)CN=([^\n]*)/.exec(this.certificate.subject)?.[1] ?? this.profile.name;
  }

  /** True when no CA vouches for the certificate (its own issuer, signed by its own key). */
  get selfSigned(): boolean {
    return this.certificate.subject === this.certificate.issuer && this.certificate.verify(this.certificate.publicKey);
  }

  get certificatePem(): string {
    return certificatesToPem(this.certificateChain);
  }

  get fingerprint256(): string {
    return this.certificate.fingerprint256;
  }

  /** The certificate's private key (for signatures made by this process; never serialise it). */
  get signingKey(): KeyObject {
    return this.#signingKey;
  }

  /** The Ed25519 private key for Open Badges proofs (did:key is derived elsewhere from badgePublicKey). */
  get badgeKey(): KeyObject {
    return this.#badgeKey;
  }

  /** Signs data with the certificate's key: RSA PKCS#1 v1.5 or DER-encoded ECDSA, over SHA-256. */
  signWithCertificateKey(data: Uint8Array): Buffer {
    return crypto.sign('sha256', data, this.#signingKey);
  }

  /** Ed25519 signature with the badge key. */
  signWithBadgeKey(data: Uint8Array): Buffer {
    return crypto.sign(null, data, this.#badgeKey);
  }

  /** PKCS#8 DER of both private keys, for sealing. The caller must wipe the buffers. */
  exportPrivateKeysForSealing(): { signingKeyPkcs8: Buffer; badgeKeyPkcs8: Buffer } {
    return {
      signingKeyPkcs8: this.#signingKey.export({ type: 'pkcs8', format: 'der' }),
      badgeKeyPkcs8: this.#badgeKey.export({ type: 'pkcs8', format: 'der' }),
    };
  }

  toJSON(): Record<string, unknown> {
    return {
      profile: {
        name: this.profile.name,
        url: this.profile.url,
        email: this.profile.email,
        hasLogo: Boolean(this.profile.logoPng),
      },
      subject: this.certificate.subject,
      issuer: this.certificate.issuer,
      selfSigned: this.selfSigned,
      chainLength: this.certificateChain.length,
      keyAlgorithm: this.keyAlgorithm,
      fingerprint256: this.fingerprint256,
      validTo: this.certificate.validTo,
    };
  }

  [inspect.custom](): string {
    return `SigningIdentity ${inspect(this.toJSON())}`;
  }
}
