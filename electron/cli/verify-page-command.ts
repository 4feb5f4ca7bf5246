// `assay verify-page export --out FILE [--url URL]`: the one-file verify page the certificates' QR
// codes open, and where the issuing body puts it.
import type { Services } from '../services.js';
import { CliUsageError, type CliContext } from './award-commands.js';

export function verifyPageCommand(s: Services, c: CliContext): Promise<number> {
  const [sub] = c.args;
  if (sub !== 'export') throw new CliUsageError('assay verify-page takes export --out FILE [--url URL]');
  const out = typeof c.values.out === 'string' && c.values.out.trim() ? c.values.out : undefined;
  if (!out) throw new CliUsageError('assay verify-page export needs --out FILE');
  const url = typeof c.values.url === 'string' ? c.values.url : undefined;
  const r = s.identity.exportVerifyPage(out, url);
  c.out(
    `Wrote the verify page (${r.bytes} bytes, ${r.config.keys.length} issuer key${r.config.keys.length === 1 ? '' : 's'}) to ${r.file}.\n` +
      `  1. Give this file to whoever runs the web site ${new URL(r.url).host}.\n` +
      `  2. Ask them to publish it so that it opens at ${r.url} (the QR codes on the certificates open that address).\n` +
      `  Export it again after a new issuer key or a status list on another web site.\n`,
  );
  return Promise.resolve(0);
}
