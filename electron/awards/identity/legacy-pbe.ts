// PKCS#12's own password-based encryption (RFC 7292 appendix B and C), which pkijs does not implement:
// pbeWithSHAAnd3-KeyTripleDES-CBC (Windows and older OpenSSL exports), 2-key 3DES, and RC2-CBC with 40- or
// 128-bit keys (`openssl pkcs12 -legacy` and old macOS exports encrypt certificates with RC2-40). Node's
// OpenSSL 3 has 3DES but RC2 only in the legacy provider, so RC2 (RFC 2268) is implemented here.
import crypto from 'node:crypto';

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
export function pkcs12Kdf(hash: string, password: Buffer, salt: Buffer, iterations: number, id: 1 | 2 | 3, length: number): Buffer {
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new Error(`PKCS#12 KDF: unsupported hash ${hash}`);
  const { u, v } = sizes;
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeatTo(salt, v * Math.ceil(salt.length / v)), repeatTo(password, v * Math.ceil(password.length / v))]);
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

// RFC 2268.
const PITABLE = Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32' +
    'bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a' +
    '961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2e' +
    'c5f3db47e5a59c770aa62068fe7fc1ad',
  'hex',
);

function rc2Expand(key: Buffer, effectiveBits: number): Uint16Array {
  const L = new Uint8Array(128);
  L.set(key);
  const T = key.length;
  for (let i = T; i < 128; i++) L[i] = PITABLE[(L[i - 1]! + L[i - T]!) & 0xff]!;
  const T8 = (effectiveBits + 7) >> 3;
  const TM = 0xff >> (8 * T8 - effectiveBits);
  L[128 - T8] = PITABLE[L[128 - T8]! & TM]!;
  for (let i = 127 - T8; i >= 0; i--) L[i] = PITABLE[L[i + 1]! ^ L[i + T8]!]!;
  const K = new Uint16Array(64);
  for (let i = 0; i < 64; i++) K[i] = L[2 * i]! | (L[2 * i + 1]! << 8);
  return K;
}

function rc2DecryptBlock(K: Uint16Array, block: Buffer, out: Buffer, at: number): void {
  const R = [block.readUInt16LE(0), block.readUInt16LE(2), block.readUInt16LE(4), block.readUInt16LE(6)];
  const S = [1, 2, 3, 5];
  let j = 63;
  const mix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const r = R[i]!;
      const s = S[i]!;
      R[i] = ((r >>> s) | (r << (16 - s))) & 0xffff;
      R[i] = (R[i]! - K[j]! - (R[(i + 3) & 3]! & R[(i + 2) & 3]!) - (~R[(i + 3) & 3]! & R[(i + 1) & 3]!)) & 0xffff;
      j--;
    }
  };
  const mash = (): void => {
    for (let i = 3; i >= 0; i--) R[i] = (R[i]! - K[R[(i + 3) & 3]! & 63]!) & 0xffff;
  };
  for (let n = 0; n < 5; n++) mix();
  mash();
  for (let n = 0; n < 6; n++) mix();
  mash();
  for (let n = 0; n < 5; n++) mix();
  for (let i = 0; i < 4; i++) out.writeUInt16LE(R[i]!, at + 2 * i);
}

function rc2CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  if (data.length === 0 || data.length % 8) throw new Error('RC2: the ciphertext is not a whole number of blocks');
  const K = rc2Expand(key, key.length * 8);
  const out = Buffer.alloc(data.length);
  let prev = iv;
  for (let o = 0; o < data.length; o += 8) {
    const block = data.subarray(o, o + 8);
    rc2DecryptBlock(K, block, out, o);
    for (let i = 0; i < 8; i++) out[o + i]! ^= prev[i]!;
    prev = block;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8) throw new Error('RC2: bad padding');
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) throw new Error('RC2: bad padding');
  return out.subarray(0, out.length - pad);
}

/** Decrypts PKCS#12-PBE data. Throws on a wrong password (bad padding) most of the time. */
export function pkcs12PbeDecrypt(oid: Pkcs12PbeOid, password: Buffer, salt: Buffer, iterations: number, data: Buffer): Buffer {
  const { cipher, keyLength } = PKCS12_PBE[oid];
  const key = pkcs12Kdf('sha1', password, salt, iterations, 1, keyLength);
  const iv = pkcs12Kdf('sha1', password, salt, iterations, 2, 8);
  if (cipher === 'rc2') return rc2CbcDecrypt(key, iv, data);
  const decipher = crypto.createDecipheriv(cipher, key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}
