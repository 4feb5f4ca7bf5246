// Importing an issuer's certificate and private key from a PKCS#12 (.p12 / .pfx) file.
// Structure parsing and PBES2 (PBKDF2 + AES, what OpenSSL 3 and current Windows write) go through pkijs;
// the PKCS#12 MAC and the legacy PKCS#12 PBE (3DES by node:crypto, RC2 by node-forge) are done here since pkijs lacks them.
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { IdentityError } from './errors.js';
import { SigningIdentity, type IssuerProfile } from './identity.js';
import { bmpPassword, isPkcs12Pbe, pkcs12Kdf, pkcs12PbeDecrypt } from './legacy-pbe.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  envelopedData: '1.2.840.113549.1.7.3',
  signedData: '1.2.840.113549.1.7.2',
  pbes2: '1.2.840.113549.1.5.13',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface ImportPkcs12Options {
  /** How the file is named in messages (default "the PKCS#12 file"). */
  fileName?: string;
  /** The issuer as shown on certificates; default: from the certificate's subject (O, else CN). */
  profile?: IssuerProfile;
  /** The Ed25519 badge key to keep (default: a new one). */
  badgeKey?: crypto.KeyObject;
}

class WrongPassphrase extends Error {}

/**
 * Key-derivation iterations accepted: OpenSSL writes 2,048, Windows 2,000, cautious tools a few
 * hundred thousand. The count is read from the file before the passphrase is tried, so a file asking
 * for billions would stall the import; beyond this it is refused, before any derivation.
 */
export const MAX_PKCS12_ITERATIONS = 1_000_000;

function checkIterations(iterations: number, what: string): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PKCS12_ITERATIONS) {
    throw new IdentityError(
      'unsupported',
      `asks for ${iterations} key-derivation iterations for its ${what}, more than the ${MAX_PKCS12_ITERATIONS} Assay accepts; export it again with the usual settings`,
    );
  }
}

/** PBKDF2's iteration count inside PBES2 parameters, or undefined when they cannot be read (decryption then says so). */
function pbes2Iterations(alg: pkijs.AlgorithmIdentifier): number | undefined {
  try {
    const params = new pkijs.PBES2Params({ schema: alg.algorithmParams });
    return new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams }).iterationCount;
  } catch {
    return undefined;
  }
}

function toBuffer(view: ArrayBuffer | ArrayBufferView): Buffer {
  return ArrayBuffer.isView(view) ? Buffer.from(view.buffer, view.byteOffset, view.byteLength) : Buffer.from(view);
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(b.length);
  new Uint8Array(out).set(b);
  return out;
}

/** Salt and iteration count of a PKCS#12-PBE AlgorithmIdentifier. */
function pbeParams(alg: pkijs.AlgorithmIdentifier): { salt: Buffer; iterations: number } {
  const params: unknown = alg.algorithmParams;
  if (!(params instanceof asn1js.Sequence)) throw new Error('PBE parameters are missing');
  const [salt, iterations] = params.valueBlock.value;
  if (!(salt instanceof asn1js.OctetString) || !(iterations instanceof asn1js.Integer))
    throw new Error('PBE parameters are malformed');
  return { salt: toBuffer(salt.valueBlock.valueHexView), iterations: iterations.valueBlock.valueDec };
}

async function decryptWith(
  alg: pkijs.AlgorithmIdentifier,
  ciphertext: Buffer,
  passphrase: string,
  what: string,
): Promise<Buffer> {
  const oid = alg.algorithmId;
  if (oid === OID.pbes2) {
    const iterations = pbes2Iterations(alg);
    if (iterations !== undefined) checkIterations(iterations, what);
    const encrypted = new pkijs.EncryptedData({
      encryptedContentInfo: new pkijs.EncryptedContentInfo({
        contentType: OID.data,
        contentEncryptionAlgorithm: alg,
        encryptedContent: new asn1js.OctetString({ valueHex: toArrayBuffer(ciphertext) }),
      }),
    });
    try {
      return toBuffer(await encrypted.decrypt({ password: toArrayBuffer(Buffer.from(passphrase, 'utf8')) }));
    } catch (error) {
      if (error instanceof Error && /Unsupported|Unknown|not supported/i.test(error.message))
        throw new IdentityError(
          'unsupported',
          `uses an encryption for its ${what} that Assay cannot read (${error.message})`,
        );
      throw new WrongPassphrase();
    }
  }
  if (isPkcs12Pbe(oid)) {
    const { salt, iterations } = pbeParams(alg);
    checkIterations(iterations, what);
    try {
      return pkcs12PbeDecrypt(oid, bmpPassword(passphrase), salt, iterations, ciphertext);
    } catch {
      throw new WrongPassphrase();
    }
  }
  throw new IdentityError(
    'unsupported',
    `uses an encryption for its ${what} that Assay cannot read (algorithm ${oid})`,
  );
}

function verifyMac(pfx: pkijs.PFX, content: Buffer, passphrase: string): boolean {
  const mac = pfx.macData;
  if (!mac) return true; // no integrity data: decryption below tells a wrong passphrase
  const hash = DIGESTS[mac.mac.digestAlgorithm.algorithmId];
  if (!hash)
    throw new IdentityError(
      'unsupported',
      `uses a MAC digest Assay cannot check (${mac.mac.digestAlgorithm.algorithmId})`,
    );
  const salt = toBuffer(mac.macSalt.valueBlock.valueHexView);
  const expected = toBuffer(mac.mac.digest.valueBlock.valueHexView);
  const iterations = mac.iterations ?? 1;
  const candidates = passphrase === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(passphrase)];
  for (const password of candidates) {
    const key = pkcs12Kdf(hash, password, salt, iterations, 3, expected.length);
    const actual = crypto.createHmac(hash, key).update(content).digest();
    if (actual.length === expected.length && crypto.timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

interface Bags {
  keys: Buffer[];
  certificates: Buffer[];
}

async function readSafeContents(der: Buffer, passphrase: string, bags: Bags): Promise<void> {
  const safe = pkijs.SafeContents.fromBER(toArrayBuffer(der));
  for (const bag of safe.safeBags) {
    switch (bag.bagId) {
      case OID.keyBag: {
        const info = bag.bagValue as pkijs.PrivateKeyInfo;
        bags.keys.push(Buffer.from(info.toSchema().toBER(false)));
        break;
      }
      case OID.shroudedKeyBag: {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        const ciphertext = toBuffer(shrouded.encryptedData.getValue());
        bags.keys.push(await decryptWith(shrouded.encryptionAlgorithm, ciphertext, passphrase, 'private key'));
        break;
      }
      case OID.certBag: {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId !== OID.x509Certificate) break;
        const value = certBag.certValue;
        if (value instanceof asn1js.OctetString) bags.certificates.push(toBuffer(value.getValue()));
        // pkijs leaves a parsed bag's value as the raw ASN.1 block: anything but an OCTET STRING is malformed
        else throw new Error('a certificate bag does not hold an OCTET STRING');
        break;
      }
      case OID.safeContentsBag: {
        const nested = bag.bagValue as pkijs.SafeContents;
        await readSafeContents(Buffer.from(nested.toSchema().toBER(false)), passphrase, bags);
        break;
      }
      default:
        break; // CRLs and secrets are not needed
    }
  }
}

function orderChain(leaf: crypto.X509Certificate, others: crypto.X509Certificate[]): Buffer[] {
  const chain = [leaf];
  const rest = [...others];
  for (let current = leaf; current.issuer !== current.subject;) {
    const index = rest.findIndex((c) => c.subject === current.issuer);
    if (index < 0) break;
    current = rest.splice(index, 1)[0]!;
    chain.push(current);
  }
  return chain.map((c) => c.raw);
}

function profileFromSubject(subject: string): IssuerProfile {
  const field = (key: string): string | undefined => new RegExp(`(?:^|\\n)${key}=([^\\n]*)`).exec(subject)?.[1];
  const name = field('O') ?? field('CN') ?? 'Unnamed issuer';
  const email = field('emailAddress');
  return email ? { name, email } : { name };
}

export async function importPkcs12(
  bytes: Uint8Array,
  passphrase: string,
  options: ImportPkcs12Options = {},
): Promise<SigningIdentity> {
  const file = options.fileName ?? 'the PKCS#12 file';
  const notPkcs12 = (why: string): IdentityError =>
    new IdentityError('not-pkcs12', `${file} is not a PKCS#12 file (${why}).`);
  const buffer = Buffer.from(bytes);
  if (buffer.length === 0) throw notPkcs12('it is empty');
  if (buffer.subarray(0, 11).toString('latin1') === '-----BEGIN ')
    throw notPkcs12('it is a PEM text file; export a .p12 or .pfx file instead');

  let pfx: pkijs.PFX;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(buffer));
    if (asn1.offset === -1) throw new Error(asn1.result.error || 'not DER-encoded ASN.1');
    pfx = new pkijs.PFX({ schema: asn1.result });
  } catch (error) {
    throw notPkcs12(
      error instanceof Error && /ASN|DER|BER|length/i.test(error.message)
        ? 'its contents are not DER-encoded ASN.1'
        : 'the data is not a PFX structure',
    );
  }
  if (pfx.authSafe.contentType === OID.signedData)
    throw new IdentityError(
      'unsupported',
      `${file} uses public-key integrity protection, which Assay does not support; export it with a password instead.`,
    );
  if (pfx.authSafe.contentType !== OID.data || !(pfx.authSafe.content instanceof asn1js.OctetString))
    throw notPkcs12('its contents are not PKCS#7 data');
  const content = toBuffer(pfx.authSafe.content.getValue());

  if (pfx.macData) {
    try {
      checkIterations(pfx.macData.iterations ?? 1, 'integrity check');
    } catch (error) {
      throw new IdentityError('unsupported', `${file} ${(error as Error).message}.`, { cause: error });
    }
  }
  if (!verifyMac(pfx, content, passphrase)) {
    throw new IdentityError('wrong-passphrase', `The passphrase for ${file} is not right.`);
  }

  const bags: Bags = { keys: [], certificates: [] };
  try {
    const authSafe = pkijs.AuthenticatedSafe.fromBER(toArrayBuffer(content));
    for (const info of authSafe.safeContents) {
      if (info.contentType === OID.data) {
        if (!(info.content instanceof asn1js.OctetString)) throw new Error('safe contents are not an OCTET STRING');
        await readSafeContents(toBuffer(info.content.getValue()), passphrase, bags);
      } else if (info.contentType === OID.encryptedData) {
        const encrypted = new pkijs.EncryptedData({ schema: info.content });
        const eci = encrypted.encryptedContentInfo;
        const ciphertext = eci.encryptedContent ? toBuffer(eci.getEncryptedContent()) : Buffer.alloc(0);
        const plain = await decryptWith(eci.contentEncryptionAlgorithm, ciphertext, passphrase, 'certificates');
        await readSafeContents(plain, passphrase, bags);
      } else if (info.contentType === OID.envelopedData) {
        throw new IdentityError(
          'unsupported',
          `${file} is encrypted to a recipient's certificate, which Assay does not support; export it with a password instead.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof WrongPassphrase)
      throw new IdentityError('wrong-passphrase', `The passphrase for ${file} is not right.`);
    if (error instanceof IdentityError) {
      if (error.reason === 'unsupported' && !error.message.startsWith(file))
        throw new IdentityError('unsupported', `${file} ${error.message}.`, { cause: error });
      throw error;
    }
    throw notPkcs12(`its contents could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (bags.certificates.length === 0) throw new IdentityError('no-certificate', `${file} holds no certificate.`);
  if (bags.keys.length === 0) {
    throw new IdentityError(
      'no-private-key',
      `${file} holds a certificate but no private key; export it again including the private key.`,
    );
  }

  const certificates = bags.certificates.map((der) => new crypto.X509Certificate(der));
  for (const pkcs8 of bags.keys) {
    let key: crypto.KeyObject;
    try {
      key = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    } catch (error) {
      throw new IdentityError('corrupt', `The private key in ${file} could not be read.`, { cause: error });
    } finally {
      pkcs8.fill(0);
    }
    const leaf = certificates.find((c) => c.checkPrivateKey(key));
    if (!leaf) continue;
    const chain = orderChain(
      leaf,
      certificates.filter((c) => c !== leaf),
    );
    const badgeKey = options.badgeKey ?? crypto.generateKeyPairSync('ed25519').privateKey;
    return new SigningIdentity({
      profile: options.profile ?? profileFromSubject(leaf.subject),
      certificateChain: chain,
      signingKey: key,
      badgeKey,
    });
  }
  throw new IdentityError('no-private-key', `${file} holds a private key that belongs to none of its certificates.`);
}
