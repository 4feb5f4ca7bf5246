// The one PNG chunk module: strict reading (baked credentials) and lenient reading (logo decoding)
// keep the rules each reader had before they were merged into it.
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '../../electron/awards/certificate/png.js';
import { encodePng as encodeSamplePng } from '../../electron/sample/png.js';
import { crc32, PNG_SIGNATURE, PngError, readChunks, writeChunk } from '../../electron/png/chunks.js';

const image = {
  width: 2,
  height: 2,
  channels: 3 as const,
  pixels: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]),
};

describe('PNG chunks', () => {
  it('computes CRC-32 over several parts as over their concatenation, with the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('1234'), Buffer.from('56789'))).toBe(0xcbf43926);
    expect(crc32()).toBe(0);
  });

  it('writes chunks that read back with their CRC checked, and notices a damaged one', () => {
    const png = Buffer.concat([
      PNG_SIGNATURE,
      writeChunk('tEXt', Buffer.from('a\0b')),
      writeChunk('IEND', new Uint8Array(0)),
    ]);
    const read = readChunks(png);
    expect(read.map((c) => [c.type, c.data.toString('latin1'), c.crcOk])).toEqual([
      ['tEXt', 'a\0b', true],
      ['IEND', '', true],
    ]);
    const damaged = Buffer.from(png);
    damaged.writeUInt8(damaged.readUInt8(16) ^ 1, 16); // first data byte of tEXt
    expect(readChunks(damaged)[0]!.crcOk).toBe(false);
  });

  it('strict reading refuses a PNG without IEND or cut inside a CRC; lenient (logo) reading takes both', () => {
    const png = encodePng(image);
    const noIend = png.subarray(0, png.length - 12);
    const cutCrc = png.subarray(0, png.length - 2);
    expect(() => readChunks(noIend)).toThrow(/no IEND/);
    expect(() => readChunks(cutCrc)).toThrow(/cut short/);
    expect(decodePng(noIend).pixels).toEqual(image.pixels);
    expect(decodePng(cutCrc).pixels).toEqual(image.pixels);
    expect(() => readChunks(Buffer.from('GIF89a'))).toThrow(PngError);
    expect(() => decodePng(png.subarray(0, 45))).toThrow(PngError); // IDAT runs past the end
  });

  it('the sample and certificate encoders both write well-formed PNGs through it', () => {
    for (const png of [encodePng(image), encodeSamplePng(2, 2, image.pixels)]) {
      expect(readChunks(png).map((c) => [c.type, c.crcOk])).toEqual([
        ['IHDR', true],
        ['IDAT', true],
        ['IEND', true],
      ]);
      expect(decodePng(png).pixels).toEqual(image.pixels);
    }
  });
});
