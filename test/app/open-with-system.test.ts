// Evidence handed to the system: safe names, an allowlist of types, read-only copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOpenable, prepareForSystem, removeOpenCopies, safeFileName } from '../../electron/app/open-with-system.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-open-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('open with the system', () => {
  it('makes names safe on every system', () => {
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\x\\plan.docx')).toBe('plan.docx');
    expect(safeFileName('a<b>c:d|e?.png')).toBe('a_b_c_d_e_.png');
    expect(safeFileName('.hidden.pdf')).toBe('hidden.pdf');
    expect(safeFileName('con.txt')).toBe('_con.txt');
    expect(safeFileName('')).toBe('evidence');
    const long = safeFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('allows documents and media only', () => {
    for (const ok of ['a.pdf', 'b.DOCX', 'c.mov', 'd.jpeg', 'e.pptx']) expect(isOpenable(ok)).toBe(true);
    for (const no of [
      'a.exe',
      'b.js',
      'c.vbs',
      'd.desktop',
      'e.command',
      'f.lnk',
      'g.html',
      'h.svg',
      'i.sh',
      'j.app',
      'k',
    ])
      expect(isOpenable(no)).toBe(false);
  });

  it('copies to a read-only file under its real name, in a folder of its own', () => {
    const stored = path.join(tmp, 'f'.repeat(64));
    fs.writeFileSync(stored, 'video');
    const dir = path.join(tmp, 'copies');
    const a = prepareForSystem(stored, 'clip.mp4', dir)!;
    const b = prepareForSystem(stored, 'clip.mp4', dir)!;
    expect(a).not.toBe(b);
    expect(path.basename(a)).toBe('clip.mp4');
    expect(fs.readFileSync(a, 'utf8')).toBe('video');
    if (process.platform !== 'win32') expect(fs.statSync(a).mode & 0o222).toBe(0);
    expect(prepareForSystem(stored, 'clip.exe', dir)).toBeNull();
    removeOpenCopies(dir);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
