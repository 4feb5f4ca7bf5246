// `assay status-list export --out FILE [--url URL]`: the signed list the issuing body hosts at its URL.
import path from 'node:path';
import type { Services } from '../services.js';
import { CliUsageError, type CliContext } from './award-commands.js';

export async function statusListCommand(s: Services, c: CliContext): Promise<number> {
  const [sub] = c.args;
  if (sub !== 'export') throw new CliUsageError('assay status-list takes export --out FILE [--url URL]');
  const out = typeof c.values.out === 'string' ? c.values.out : undefined;
  if (!out) throw new CliUsageError('assay status-list export needs --out FILE');
  const url = typeof c.values.url === 'string' ? c.values.url : undefined;
  const r = await s.awards.exportStatusList(out, url);
  c.out(
    `Wrote the status list ${r.url} (${r.entries} credentials, ${r.revoked} revoked or replaced; ${r.bytes} bytes) to ${path.resolve(out)}. Host it at that URL.\n`,
  );
  return 0;
}
