// SecretBox: how private keys are sealed at rest. The CLI seals with a passphrase (scrypt + AES-256-GCM);
// the desktop app passes Electron's safeStorage (OS keychain / DPAPI / libsecret) into safeStorageBox, so
// this module never imports `electron`.
import crypto from 'node:crypto';
import { IdentityError } from './errors.js';

export interface SecretBox {
  /** A short tag recorded next to the sealed data ("passphrase", "safeStorage"). */
  readonly kind: string;
  seal(plain: Buffer): Buffer;
  /** Throws IdentityError('wrong-passphrase' | 'corrupt' | 'storage-unavailable'). */
  open(sealed: Buffer): Buffer;
}

// Format 1: "ASB" 0x01 | log2(N) | r | p | salt[16] | nonce[12] | tag[16] | ciphertext.
// The 23-byte header (magic to nonce) is the GCM additional data, so its parameters can't be swapped.
const MAGIC = Buffer.from('ASB', 'latin1');
const VERSION = 1;
const HEADER = 3 + 1 + 3 + 16 + 12;
const TAG = 16;

export interface PassphraseBoxOptions {
  /** log2 of scrypt's N; 15 (N = 32768) unless a test needs it quicker. Stored in the sealed data. */
  logN?: number;
}

/**
 * The scrypt parameters Assay writes, and so the most it will spend opening sealed keys: the header is
 * read before the passphrase is tried, and a tampered one asking for N = 2^21, p = 4 would cost
 * seconds and gigabytes just to fail. Anything beyond these is refused before deriving.
 */
export const SCRYPT_LIMITS = { minLogN: 10, maxLogN: 15, r: 8, p: 1 } as const;

function deriveKey(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Buffer {
  const N = 2 ** logN;
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

export function passphraseBox(passphrase: string, options: PassphraseBoxOptions = {}): SecretBox {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new IdentityError('wrong-passphrase', 'A passphrase is needed to protect the signing keys.');
  }
  const logN = options.logN ?? SCRYPT_LIMITS.maxLogN;
  if (!Number.isInteger(logN) || logN < SCRYPT_LIMITS.minLogN || logN > SCRYPT_LIMITS.maxLogN) {
    throw new RangeError(
      `passphraseBox: logN ${logN} is out of range ${SCRYPT_LIMITS.minLogN}..${SCRYPT_LIMITS.maxLogN}`,
    );
  }
  return {
    kind: 'passphrase',
    seal(plain: Buffer): Buffer {
      const header = Buffer.alloc(HEADER);
      MAGIC.copy(header, 0);
      header[3] = VERSION;
      header[4] = logN;
      header[5] = SCRYPT_LIMITS.r;
      header[6] = SCRYPT_LIMITS.p;
      crypto.randomFillSync(header, 7, 28);
      const salt = header.subarray(7, 23);
      const nonce = header.subarray(23, 35);
      const key = deriveKey(passphrase, salt, logN, SCRYPT_LIMITS.r, SCRYPT_LIMITS.p);
      try {
        const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
        cipher.setAAD(header);
        const body = Buffer.concat([cipher.update(plain), cipher.final()]);
        return Buffer.concat([header, cipher.getAuthTag(), body]);
      } finally {
        key.fill(0);
      }
    },
    open(sealed: Buffer): Buffer {
      if (sealed.length < HEADER + TAG || !sealed.subarray(0, 3).equals(MAGIC)) {
        throw new IdentityError(
          'corrupt',
          'The sealed keys are not in the passphrase format (they may have been sealed by the desktop app’s key store).',
        );
      }
      if (sealed[3] !== VERSION)
        throw new IdentityError(
          'unsupported',
          `The sealed keys use format ${sealed[3]}, which this version of Assay cannot read.`,
        );
      const logN = sealed[4]!;
      const r = sealed[5]!;
      const p = sealed[6]!;
      if (
        logN < SCRYPT_LIMITS.minLogN ||
        logN > SCRYPT_LIMITS.maxLogN ||
        r !== SCRYPT_LIMITS.r ||
        p !== SCRYPT_LIMITS.p
      ) {
        throw new IdentityError(
          'corrupt',
          `The sealed keys ask for scrypt N = 2^${logN}, r = ${r}, p = ${p}, beyond what Assay writes (N up to 2^${SCRYPT_LIMITS.maxLogN}, r = ${SCRYPT_LIMITS.r}, p = ${SCRYPT_LIMITS.p}); they were changed or not sealed by Assay, so the passphrase was not tried.`,
        );
      }
      const header = sealed.subarray(0, HEADER);
      const key = deriveKey(passphrase, sealed.subarray(7, 23), logN, r, p);
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(23, 35));
        decipher.setAAD(header);
        decipher.setAuthTag(sealed.subarray(HEADER, HEADER + TAG));
        return Buffer.concat([decipher.update(sealed.subarray(HEADER + TAG)), decipher.final()]);
      } catch (error) {
        throw new IdentityError('wrong-passphrase', 'The passphrase is not right.', { cause: error });
      } finally {
        key.fill(0);
      }
    },
  };
}

/** The part of Electron's `safeStorage` this box uses (pass `safeStorage` from 'electron'). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no OS key store is in use. */
  getSelectedStorageBackend?(): string;
}

const SAFE_MAGIC = Buffer.from('ASS\x01', 'latin1');

export interface SafeStorageBoxOptions {
  /** Refuse Linux's 'basic_text' fallback (a hard-coded key); default true. */
  requireOsKeyStore?: boolean;
}

export function safeStorageBox(safeStorage: SafeStorageLike, options: SafeStorageBoxOptions = {}): SecretBox {
  const check = (): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new IdentityError(
        'storage-unavailable',
        'The system key store is not available, so the signing keys cannot be protected; use a passphrase instead.',
      );
    }
    if ((options.requireOsKeyStore ?? true) && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new IdentityError(
        'storage-unavailable',
        'No system key store (such as GNOME Keyring or KWallet) is running, so the signing keys cannot be protected; use a passphrase instead.',
      );
    }
  };
  return {
    kind: 'safeStorage',
    seal(plain: Buffer): Buffer {
      check();
      return Buffer.concat([SAFE_MAGIC, safeStorage.encryptString(plain.toString('base64'))]);
    },
    open(sealed: Buffer): Buffer {
      check();
      if (sealed.length < SAFE_MAGIC.length || !sealed.subarray(0, SAFE_MAGIC.length).equals(SAFE_MAGIC)) {
        throw new IdentityError(
          'corrupt',
          'The sealed keys were not sealed by the system key store (they may need a passphrase).',
        );
      }
      let text: string;
      try {
        text = safeStorage.decryptString(sealed.subarray(SAFE_MAGIC.length));
      } catch (error) {
        throw new IdentityError(
          'wrong-passphrase',
          'The system key store could not unlock the signing keys (were they sealed by another user or computer?).',
          { cause: error },
        );
      }
      return Buffer.from(text, 'base64');
    },
  };
}
