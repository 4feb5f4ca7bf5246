// The bitstring of W3C Bitstring Status List v1.0: bit i is the i-th bit from the left (the most
// significant bit of byte i/8 first), GZIP-compressed, then multibase base64url ("u", no padding).
import { gunzipSync, gzipSync } from 'node:zlib';

/** 2^17 bits = 16 KiB: the specification's minimum size, so one index tells little about a group. */
export const STATUS_LIST_LENGTH = 131_072;

/** A decoded list larger than this is refused: a GZIP bomb must not fill memory (1 MiB = 8M entries). */
export const MAX_DECODED_BYTES = 1024 * 1024;

export class StatusListFormatError extends Error {
  override name = 'StatusListFormatError';
}

/** An all-zero list (no credential revoked) of `length` bits. */
export function emptyBitstring(length = STATUS_LIST_LENGTH): Uint8Array {
  if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0)
    throw new RangeError(`a status list length must be a positive multiple of 8, not ${length}`);
  return new Uint8Array(length / 8);
}

export function getBit(bits: Uint8Array, index: number): boolean {
  checkIndex(bits, index);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** Returns a changed copy: callers keep the bytes they read from the store as they were. */
export function withBit(bits: Uint8Array, index: number, value: boolean): Uint8Array {
  checkIndex(bits, index);
  const out = Uint8Array.from(bits);
  const mask = 0x80 >> (index & 7);
  out[index >> 3] = value ? out[index >> 3]! | mask : out[index >> 3]! & ~mask;
  return out;
}

function checkIndex(bits: Uint8Array, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8)
    throw new RangeError(`status list index ${index} is outside the list of ${bits.length * 8} entries`);
}

/** `encodedList`: "u" + base64url(GZIP(bits)), no padding. */
export function encodeBitstring(bits: Uint8Array): string {
  // mtime 0 is what Node writes: the same bits always give the same encoding.
  return `u${gzipSync(bits, { level: 9 }).toString('base64url')}`;
}

export function decodeBitstring(encodedList: string): Uint8Array {
  if (!encodedList.startsWith('u'))
    throw new StatusListFormatError('encodedList is not multibase base64url (it must start with "u")');
  const body = encodedList.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body))
    throw new StatusListFormatError('encodedList holds characters that are not base64url');
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(body, 'base64url'), { maxOutputLength: MAX_DECODED_BYTES });
  } catch (e) {
    throw new StatusListFormatError(`encodedList is not a GZIP stream of at most 1 MiB (${(e as Error).message})`);
  }
  if (bits.length * 8 < STATUS_LIST_LENGTH)
    throw new StatusListFormatError(
      `the list has ${bits.length * 8} entries; the specification requires at least ${STATUS_LIST_LENGTH}`,
    );
  return new Uint8Array(bits);
}
