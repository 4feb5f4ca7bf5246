import { gzipSync } from 'node:zlib';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import {
  decodeBitstring,
  emptyBitstring,
  encodeBitstring,
  getBit,
  STATUS_LIST_LENGTH,
  StatusListFormatError,
  withBit,
} from '../../../electron/awards/status-list/index.js';

describe('the status list bitstring', () => {
  it('is read by Digital Bazaar as we write it: the same bits set, GZIP and multibase base64url', async () => {
    let bits = emptyBitstring();
    const set = [0, 7, 8, 1234, 99_999, STATUS_LIST_LENGTH - 1];
    for (const i of set) bits = withBit(bits, i, true);
    const encoded = encodeBitstring(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const theirs = await decodeList({ encodedList: encoded });
    expect(theirs.length).toBe(STATUS_LIST_LENGTH);
    for (const i of [...set, 1, 6, 9, 1233, 1235, 100_000]) expect(theirs.getStatus(i)).toBe(set.includes(i));
    const ours = decodeBitstring(encoded);
    for (const i of [...set, 1, 6, 9]) expect(getBit(ours, i)).toBe(set.includes(i));
  });

  it('reads a list Digital Bazaar wrote', async () => {
    const { BitstringStatusList } = await import('@digitalbazaar/vc-bitstring-status-list');
    const list = new BitstringStatusList({ length: STATUS_LIST_LENGTH });
    list.setStatus(42, true);
    const bits = decodeBitstring(await list.encode());
    expect(getBit(bits, 42)).toBe(true);
    expect(getBit(bits, 43)).toBe(false);
  });

  it('refuses a list shorter than the 131,072 entries the specification requires, and a GZIP bomb', () => {
    const short = `u${gzipSync(new Uint8Array(1024)).toString('base64url')}`;
    expect(() => decodeBitstring(short)).toThrow(/8192 entries; the specification requires at least 131072/);
    const bomb = `u${gzipSync(new Uint8Array(64 * 1024 * 1024)).toString('base64url')}`;
    expect(() => decodeBitstring(bomb)).toThrow(StatusListFormatError);
    expect(() => decodeBitstring('zabc')).toThrow(/must start with "u"/);
  });

  it('keeps the bytes it was given and refuses an index outside the list', () => {
    const bits = emptyBitstring();
    withBit(bits, 3, true);
    expect(getBit(bits, 3)).toBe(false);
    expect(() => getBit(bits, STATUS_LIST_LENGTH)).toThrow(RangeError);
  });
});
