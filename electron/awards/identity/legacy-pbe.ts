// PKCS#12's own password-based encryption (RFC 7292 appendix B and C), which pkijs does not implement:
// pbeWithSHAAnd3-KeyTripleDES-CBC (Windows and older OpenSSL exports), 2-key 3DES, and RC2-CBC with 40- or
// 128-bit keys (`openssl pkcs12 -legacy`, OpenSSL 1.1's default, and old macOS exports encrypt
// certificates with RC2-40). Node's OpenSSL 3 has 3DES but RC2 only in the legacy provider, so RC2
// comes from node-forge.
import crypto from 'node:crypto';
import forge from 'node-forge';

export const PKCS12_PBE = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5 },
} as const;
export type Pkcs12PbeOid = keyof typeof PKCS12_PBE;

export function isPkcs12Pbe(oid: string): oid is Pkcs12PbeOid {
  return Object.hasOwn(PKCS12_PBE, oid);
}

/** The password as PKCS#12 wants it: UTF-16BE (BMPString) with a two-zero-byte terminator. */
export function bmpPassword(passphrase: string): Buffer {
  const out = Buffer.alloc(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) out.writeUInt16BE(passphrase.charCodeAt(i), i * 2);
  return out;
}

const HASH_SIZES: Record<string, { u: number; v: number }> = {
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

function repeatTo(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  if (source.length) for (let i = 0; i < length; i++) out[i] = source[i % source.length]!;
  return out;
}

/** RFC 7292 B.2. id: 1 key material, 2 IV, 3 MAC key. */
export function pkcs12Kdf(
  hash: string,
  password: Buffer,
  salt: Buffer,
  iterations: number,
  id: 1 | 2 | 3,
  length: number,
): Buffer {
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new Error(`PKCS#12 KDF: unsupported hash ${hash}`);
  const { u, v } = sizes;
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([
    repeatTo(salt, v * Math.ceil(salt.length / v)),
    repeatTo(password, v * Math.ceil(password.length / v)),
  ]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let A = crypto.createHash(hash).update(D).update(I).digest();
    for (let i = 1; i < iterations; i++) A = crypto.createHash(hash).update(A).digest();
    out.push(A);
    if (produced + u >= length) break;
    const B = repeatTo(A, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}

/** RC2-CBC (RFC 2268) by node-forge: Node's OpenSSL 3 has RC2 only in its legacy provider. */
function rc2CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  if (data.length === 0 || data.length % 8) throw new Error('RC2: the ciphertext is not a whole number of blocks');
  const bytes = (b: Buffer) => forge.util.createBuffer(b.toString('binary'));
  const cipher = forge.rc2.createDecryptionCipher(bytes(key), key.length * 8);
  cipher.start(bytes(iv));
  cipher.update(bytes(data));
  // The padding is checked here, fully: forge's own check looks only at the last byte's range.
  if (!cipher.finish(() => true)) throw new Error('RC2: the ciphertext is not a whole number of blocks');
  const out = Buffer.from(cipher.output.getBytes(), 'binary');
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8) throw new Error('RC2: bad padding');
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) throw new Error('RC2: bad padding');
  return out.subarray(0, out.length - pad);
}

/** Decrypts PKCS#12-PBE data. Throws on a wrong password (bad padding) most of the time. */
export function pkcs12PbeDecrypt(
  oid: Pkcs12PbeOid,
  password: Buffer,
  salt: Buffer,
  iterations: number,
  data: Buffer,
): Buffer {
  const { cipher, keyLength } = PKCS12_PBE[oid];
  const key = pkcs12Kdf('sha1', password, salt, iterations, 1, keyLength);
  const iv = pkcs12Kdf('sha1', password, salt, iterations, 2, 8);
  if (cipher === 'rc2') return rc2CbcDecrypt(key, iv, data);
  const decipher = crypto.createDecipheriv(cipher, key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}
