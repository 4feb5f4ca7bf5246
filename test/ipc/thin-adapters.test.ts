// The IPC handlers and the CLI commands are adapters: they call services and never reach the store.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Store access: the database handle, prepared statements, SQL, or a service built beside the composition root. */
const FORBIDDEN: [RegExp, string][] = [
  [/\.db\b/, 'the database handle (.db)'],
  [/\bprepare\(/, 'a prepared statement'],
  [/\b(SELECT|INSERT|UPDATE|DELETE)\s+[\w*]/, 'SQL'],
  [/\.transaction\(/, 'a transaction'],
  [/\bnew (Awards|Queue|Library|CommentBank|SettingsStore|IssuerIdentity)\(/, 'a service built outside services.ts'],
  [/from '\.\.\/(\.\.\/)?store\/db\.js'/, 'the store module'],
];

describe('adapters are thin', () => {
  for (const folder of ['electron/ipc', 'electron/cli']) {
    it(`${folder} has no store access`, () => {
      const files = sources(path.join(REPO_ROOT, folder));
      expect(files.length).toBeGreaterThan(3);
      const found: string[] = [];
      for (const file of files) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const [re, what] of FORBIDDEN)
            if (re.test(line)) found.push(`${path.relative(REPO_ROOT, file)}:${i + 1}: ${what}: ${line.trim()}`);
        });
      }
      expect(found).toEqual([]);
    });
  }

  it('main.ts takes its settings from the services, not from the IPC layer', () => {
    const main = fs.readFileSync(path.join(REPO_ROOT, 'electron/main.ts'), 'utf8');
    expect(main).not.toMatch(/readSettings|handlers-admin/);
    expect(main).toMatch(/\.settings\.get\(\)/);
  });
});
