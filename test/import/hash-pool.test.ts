// The hash pool's copy: one read of a file that both hashes it and writes the store's copy (O_DIRECT
// where the file system takes it, else through the page cache). Sizes around the block and piece
// boundaries, on the temporary folder's file system and on tmpfs where there is one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashPool } from '../../electron/import/hash-pool.js';
import { tempDir } from '../support/package-builder.js';

const MiB = 1024 * 1024;
const SIZES = [0, 1, 4095, 4096, 4097, MiB - 1, MiB, MiB + 1, 2 * MiB + 4096, 3 * MiB + 1729];
const places = [tempDir('assay-pool-')];
if (fs.existsSync('/dev/shm')) places.push(fs.mkdtempSync('/dev/shm/assay-pool-'));

let pool: HashPool;
beforeAll(() => {
  pool = new HashPool(2);
});
afterAll(async () => {
  await pool.close();
  for (const p of places) fs.rmSync(p, { recursive: true, force: true });
});

describe.each(places)('copyAndHash in %s', (dir) => {
  it.each(SIZES)(
    'copies a file of %i bytes exactly, private, and gives the SHA-256 and size of those bytes',
    async (size) => {
      const content = randomBytes(size);
      const from = path.join(dir, `in-${size}`);
      const to = path.join(dir, `out-${size}`);
      fs.writeFileSync(from, content);
      let reported = 0;
      const r = await pool.copyAndHash(from, to, (n) => (reported += n));
      expect(r).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size });
      expect(fs.readFileSync(to).equals(content)).toBe(true);
      expect(reported).toBe(size);
      if (process.platform !== 'win32') expect(fs.statSync(to).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses to write over a file already there, and says why', async () => {
    const from = path.join(dir, 'in-exists');
    const to = path.join(dir, 'out-exists');
    fs.writeFileSync(from, 'new');
    fs.writeFileSync(to, 'old');
    await expect(pool.copyAndHash(from, to, () => {})).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(to, 'utf8')).toBe('old');
  });

  it('rejects with the reason when the file to copy is missing', async () => {
    await expect(pool.copyAndHash(path.join(dir, 'nope'), path.join(dir, 'out-nope'), () => {})).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(fs.existsSync(path.join(dir, 'out-nope'))).toBe(false);
  });
});
