// The certificate QR symbol, pinned: qrcode now picks the mask (Assay scored the eight masks itself
// before); for these payloads both choose the same mask, so certificates already printed and the
// reference images stay as they were. The hashes were taken from the hand-written scorer.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { qrMatrix } from '../../../electron/awards/certificate/qr.js';

function matrixHash(text: string): string {
  const m = qrMatrix(text);
  let bits = '';
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) bits += m.dark(r, c) ? '1' : '0';
  return `${m.size}:${createHash('sha256').update(bits).digest('hex').slice(0, 16)}`;
}

it('draws the same QR modules as before for payloads of several symbol sizes', () => {
  const payloads = [10, 120, 260, 400].map((n) => `ASSAY1.${'AbCd-_09'.repeat(n).slice(0, n)}`);
  expect(payloads.map(matrixHash)).toEqual(PINNED);
});

const PINNED = ['25:943e8b5a0d378ee5', '49:64ff944c1dc9fa57', '65:812fae842297a74a', '77:d5eff38bc40ef017'];
