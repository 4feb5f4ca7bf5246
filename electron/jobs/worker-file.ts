// Where a worker thread's script is: built by tsc next to the module that starts it (dist/electron/…), and, when
// that module runs from the TypeScript sources (the tests), the built one in dist/ (run `npm run build` first).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker script `name` next to the module at `moduleUrl` (one folder below electron/), as built. */
export function builtWorkerFile(moduleUrl: string, name: string): string {
  const here = fileURLToPath(moduleUrl);
  const dir = path.dirname(here);
  if (!here.endsWith('.ts')) return path.join(dir, name);
  const root = path.resolve(dir, '../..');
  return path.join(root, 'dist', path.relative(root, dir), name);
}
