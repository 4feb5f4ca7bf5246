// base58btc as did:key and Data Integrity proofValue use it, pinned to published vectors so the
// library behind it (@scure/base) can change without Assay's keys and signatures changing.
import { expect, it } from 'vitest';
import {
  base58Decode,
  base58Encode,
  multibaseDecode,
  multibaseEncode,
} from '../../../electron/awards/credential/keys.js';

// The base58 vectors of the IETF draft "The Base58 Encoding Scheme" (draft-msporny-base58).
const VECTORS: [string, string][] = [
  ['48656c6c6f20576f726c6421', '2NEpo7TZRRrLZSi2U'],
  [
    '54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e',
    'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z',
  ],
  ['0000287fb4cd', '11233QC4'],
  ['', ''],
];

it('encodes and decodes the published base58 vectors, leading zero bytes as "1"', () => {
  for (const [hex, b58] of VECTORS) {
    expect(base58Encode(Buffer.from(hex, 'hex'))).toBe(b58);
    expect(Buffer.from(base58Decode(b58)).toString('hex')).toBe(hex);
  }
});

it('refuses a character outside the alphabet by name, and multibase without the "z" prefix', () => {
  expect(() => base58Decode('2NEpo0TZ')).toThrow('"0" is not a base58 character');
  expect(() => multibaseDecode('2NEpo7TZRRrLZSi2U')).toThrow(/must start with "z"/);
  expect(multibaseEncode(Buffer.from('48656c6c6f20576f726c6421', 'hex'))).toBe('z2NEpo7TZRRrLZSi2U');
});
