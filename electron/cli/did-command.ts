// `assay identity export-did --out DIR [--did did:web:…]`: writes did.json and says, in two steps, where
// the issuing body puts it.
import { AssayError } from '../../shared/errors.js';
import path from 'node:path';
import type { Services } from '../services.js';

export interface DidCommandContext {
  values: Record<string, unknown>;
  out: (text: string) => void;
}

export function exportDidCommand(s: Services, c: DidCommandContext): number {
  const out = typeof c.values.out === 'string' && c.values.out.trim() ? c.values.out : undefined;
  if (!out) throw new AssayError('usage', 'assay identity export-did needs --out DIR');
  const r = s.identity.exportDidDocument(
    path.resolve(out),
    typeof c.values.did === 'string' ? c.values.did : undefined,
  );
  c.out(
    `Wrote ${r.file} for ${r.did}.\n` +
      `  1. Give this file to whoever runs the web site ${new URL(r.url).host}.\n` +
      `  2. Ask them to publish it so that it opens at ${r.url}\n`,
  );
  return 0;
}
