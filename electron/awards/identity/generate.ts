// A self-signed issuer certificate made with @peculiar/x509 over Node's WebCrypto, for issuers without a
// certificate from a CA. Key usage: digitalSignature + nonRepudiation (+ keyCertSign, as it is its own
// anchor; critical); the subject is
// CN=<issuer name>, O=<issuer name>, with the e-mail address and web site as subject alternative names.
import crypto, { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { SigningIdentity, type IssuerProfile } from './identity.js';

export type GeneratedKeyAlgorithm = 'ecdsa-p256' | 'rsa-3072';

export interface GenerateOptions {
  /** Validity in years from now (default 5). */
  years?: number;
  /** ECDSA P-256 (default: small and fast signatures) or RSA-3072. */
  algorithm?: GeneratedKeyAlgorithm;
  /** For tests: the moment the certificate becomes valid (default: now, less one minute of clock skew). */
  notBefore?: Date;
}

let providerSet = false;
function useNodeCrypto(): void {
  if (providerSet) return;
  // The provider type is the DOM Crypto interface, which Node's webcrypto implements.
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  providerSet = true;
}

function keyParams(algorithm: GeneratedKeyAlgorithm): {
  gen: RsaHashedKeyGenParams | EcKeyGenParams;
  sign: { name: string; hash?: string };
} {
  return algorithm === 'rsa-3072'
    ? {
        gen: {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 3072,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        },
        sign: { name: 'RSASSA-PKCS1-v1_5' },
      }
    : { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } };
}

type RsaHashedKeyGenParams = { name: string; modulusLength: number; publicExponent: Uint8Array; hash: string };
type EcKeyGenParams = { name: string; namedCurve: string };

export async function generateSelfSignedIdentity(
  profile: IssuerProfile,
  options: GenerateOptions = {},
): Promise<SigningIdentity> {
  const name = profile.name.trim();
  if (!name) throw new TypeError('generateSelfSignedIdentity: the issuer needs a name');
  const years = options.years ?? 5;
  if (!(years > 0 && years <= 50)) throw new RangeError(`generateSelfSignedIdentity: years ${years} is out of range`);
  useNodeCrypto();
  const params = keyParams(options.algorithm ?? 'ecdsa-p256');
  const keys = await webcrypto.subtle.generateKey(params.gen, true, ['sign', 'verify']);

  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + Math.floor(years));
  notAfter.setUTCDate(notAfter.getUTCDate() + Math.round((years % 1) * 365));

  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, 16 bytes long
  const subject: x509.JsonName = [{ CN: [name] }, { O: [name] }];
  const altNames: { type: 'email' | 'url'; value: string }[] = [];
  if (profile.email) altNames.push({ type: 'email', value: profile.email });
  if (profile.url) altNames.push({ type: 'url', value: profile.url });

  // A self-signed certificate is its own trust anchor: verifiers that trust it as a CA (NSS with
  // "CT,C,C", as `pdfsig` uses) require cA=true and keyCertSign. pathLen 0: it can issue no other CA.
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyCertSign,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (altNames.length) extensions.push(new x509.SubjectAlternativeNameExtension(altNames, false));

  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: subject,
    notBefore,
    notAfter,
    signingAlgorithm: params.sign,
    keys,
    extensions,
  });

  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const signingKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  pkcs8.fill(0);
  const { privateKey: badgeKey } = crypto.generateKeyPairSync('ed25519');
  return new SigningIdentity({ profile, certificateChain: [Buffer.from(cert.rawData)], signingKey, badgeKey });
}
