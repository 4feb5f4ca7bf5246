// `assay status-list export --out FILE [--url URL]`: the signed list the issuing body hosts at its URL.
import path from 'node:path';
import { badgeSigner } from '../awards/awards.js';
import { exportStatusList, needsSigning, pickStatusList } from '../awards/status-list/index.js';
import type { Services } from '../services.js';
import { CliUsageError, unlock, type CliContext } from './award-commands.js';

export async function statusListCommand(s: Services, c: CliContext): Promise<number> {
  const [sub] = c.args;
  if (sub !== 'export') throw new CliUsageError('assay status-list takes export --out FILE [--url URL]');
  const out = typeof c.values.out === 'string' ? c.values.out : undefined;
  if (!out) throw new CliUsageError('assay status-list export needs --out FILE');
  const url = typeof c.values.url === 'string' ? c.values.url : undefined;
  // The key is asked for only when the list changed since it was last signed.
  const signer = needsSigning(pickStatusList(s.db, url)) ? badgeSigner(await unlock(s, c)) : undefined;
  const r = await exportStatusList(s.db, out, { ...(url ? { url } : {}), ...(signer ? { signer } : {}) });
  c.out(
    `Wrote the status list ${r.url} (${r.entries} credentials, ${r.revoked} revoked or replaced; ${r.bytes} bytes) to ${path.resolve(out)}. Host it at that URL.\n`,
  );
  return 0;
}
