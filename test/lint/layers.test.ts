// The layer rules in eslint.config.js must fire: each snippet is linted with the project's real config, as if it
// were the content of a real file in that layer. Only the import rule runs, and without type information: the
// type-aware program would cost a minute under load and has nothing to say about imports.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal === true)
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('layer import rules', () => {
  it('refuse electron/, the electron package and Node built-ins in renderer/', async () => {
    const file = 'renderer/main.tsx';
    expect(await layerErrors(file, "import { x } from '../electron/store/db.js';\nexport { x };\n")).toEqual([
      expect.stringContaining('reachable only through window.api'),
    ]);
    expect(await layerErrors(file, "import { x } from '../../electron/app/y.js';\nexport { x };\n")).toHaveLength(1);
    expect(await layerErrors(file, "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n")).toEqual([
      expect.stringContaining('Only the main process and the preload may import electron'),
    ]);
    expect(await layerErrors(file, "import fs from 'node:fs';\nexport { fs };\n")).toHaveLength(1);
  });

  it('refuse Node built-ins, electron and the other layers in shared/', async () => {
    const file = 'shared/domain/decision.ts';
    for (const source of [
      'node:crypto',
      'crypto',
      'fs',
      'path',
      'fs/promises',
      'electron',
      '../../electron/store/db.js',
    ]) {
      expect(await layerErrors(file, `import x from '${source}';\nexport { x };\n`), source).toHaveLength(1);
    }
    expect(await layerErrors(file, "import { x } from '../../renderer/api.js';\nexport { x };\n")).toEqual([
      expect.stringContaining('move what both sides need into shared/'),
    ]);
    expect(await layerErrors(file, "export { x } from '../../renderer/api.js';\n")).toHaveLength(1);
  });

  it('refuse renderer/ in electron/, and allow each layer what it may import', async () => {
    expect(
      await layerErrors('electron/png/chunks.ts', "import { x } from '../../renderer/api.js';\nexport { x };\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'electron/png/chunks.ts',
        "import fs from 'node:fs';\nimport { app } from 'electron';\nimport { x } from '../../shared/domain/decision.js';\nexport { fs, app, x };\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'renderer/app/Nav.tsx',
        "import { x } from '../../shared/domain/decision.js';\nexport { x };\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('shared/domain/decision.ts', "import { z } from 'zod';\nexport { z };\n")).toEqual([]);
  });
});
