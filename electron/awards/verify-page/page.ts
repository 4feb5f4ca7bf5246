// The issuer's verify page: ONE self-contained HTML file (inline script and style, both allowed by
// hash in a strict Content-Security-Policy; no external requests but the issuer's status lists) that
// the issuing body hosts at its verify page URL, and that works from any static host or file://.
// It embeds the issuer's Ed25519 badge keys and checks the QR code's signed proof (certificate/qr.ts)
// with WebCrypto, then fetches the hosted status list to tell revoked from in force. For a credential file
// dropped on it, and for the status list, it checks the eddsa-rdfc-2022 Data Integrity proof with the
// proof checker (proof-check.ts, built into dist/verify-page/proof-check.js and inlined ahead of the
// page's own script), against the JSON-LD contexts and keys the page carries.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { badgeKeyMethodId } from '../did/document.js';
import { publicKeyFromMultikey, rawEd25519PublicKey, multikeyFromPublicKey } from '../credential/keys.js';
import { qrKeyId } from '../certificate/qr.js';
import type { PageMethod } from './proof-check.js';
import { PAGE_SCRIPT } from './script.js';
import { PAGE_STYLE } from './style.js';

export interface VerifyPageInput {
  issuerName: string;
  /** The issuer ids its credentials and status lists name (did:web, did:key …). */
  issuerIds: readonly string[];
  /** Its Ed25519 badge keys (current first, then retired ones whose awards still stand), as Multikeys or keys. */
  badgeKeys: readonly (string | KeyObject)[];
  /** Where the page is hosted (status list paths in QR codes are relative to its origin). */
  verifyPageUrl: string;
  /** The status list URLs the page may fetch from (their origins, and the page's own, go in the CSP's connect-src). */
  statusListUrls: readonly string[];
}

export interface VerifyPageConfig {
  issuer: { name: string; ids: string[] };
  keys: { kid: string; multikey: string; x: string }[];
  /** The keys as the did.json of each did:web issuer id lists them (`<did>#<Multikey>`): what proofs name. */
  methods: PageMethod[];
  verifyPageUrl: string;
  /** The origins status lists are fetched from: the page's own and those of the lists given. */
  statusOrigins: string[];
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('base64');

/** HTML text: & < > " escaped. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** JSON safe inside a <script> block: no "</" or "<!--" can end it, nor line separators break it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function verifyPageConfig(input: VerifyPageInput): VerifyPageConfig {
  const seen = new Set<string>();
  const keys: VerifyPageConfig['keys'] = [];
  for (const k of input.badgeKeys) {
    const key = typeof k === 'string' ? publicKeyFromMultikey(k) : k;
    const multikey = multikeyFromPublicKey(key);
    if (seen.has(multikey)) continue;
    seen.add(multikey);
    keys.push({ kid: qrKeyId(key), multikey, x: Buffer.from(rawEd25519PublicKey(key)).toString('base64url') });
  }
  if (keys.length === 0) throw new Error('a verify page needs at least one badge key');
  const ids = [...new Set(input.issuerIds)];
  return {
    issuer: { name: input.issuerName, ids },
    keys,
    methods: ids
      .filter((id) => id.startsWith('did:web:'))
      .flatMap((did) =>
        keys.map((k) => ({ id: badgeKeyMethodId(did, k.multikey), controller: did, publicKeyMultibase: k.multikey })),
      ),
    verifyPageUrl: input.verifyPageUrl,
    statusOrigins: [
      ...new Set(
        [input.verifyPageUrl, ...input.statusListUrls].map((u) => new URL(u).origin).filter((o) => o !== 'null'),
      ),
    ].sort(),
  };
}

/** The built proof checker next to this module's build; from the TypeScript sources (tests) the one in dist/. */
export function proofCheckerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.resolve(
    path.dirname(here),
    here.endsWith('.ts') ? '../../../dist' : '../../..',
    'verify-page/proof-check.js',
  );
}

let proofChecker: string | undefined;
/**
 * The proof checker's script, safe inside the page's <script> block: a "</script" in it (only ever in a
 * string, regex or template literal, where "<\/" means the same) is written "<\/script" so it cannot end
 * the block; a "<!--", which could change where the block ends, is refused rather than rewritten.
 */
export function proofCheckerScript(): string {
  if (proofChecker === undefined) {
    const file = proofCheckerFile();
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(
        `the verify page's proof checker ${file} cannot be read (${(e as Error).message}); it is built by "npm run build"`,
        { cause: e },
      );
    }
    if (!text.startsWith('var AssayProof='))
      throw new Error(`${file} is not the verify page's proof checker (it does not define AssayProof)`);
    if (text.includes('<!--')) throw new Error(`${file} holds "<!--", which could change where the page's script ends`);
    proofChecker = text.replace(/<\/(script)/gi, '<\\/$1');
  }
  return proofChecker;
}

/** The page, as the exact text to write (UTF-8). Deterministic: the same input gives the same bytes. */
export function buildVerifyPage(input: VerifyPageInput): { html: string; config: VerifyPageConfig; csp: string } {
  const config = verifyPageConfig(input);
  const script = `${proofCheckerScript()}\n${PAGE_SCRIPT}`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(PAGE_STYLE)}'`,
    `connect-src ${config.statusOrigins.length ? config.statusOrigins.join(' ') : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const name = escapeHtml(config.issuer.name);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Verify an award from ${name}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<header>
<p>${name}</p>
<h1>Verify an award</h1>
</header>
<section id="verdict" aria-live="polite" data-state="info"><h2>Checking\u2026</h2><noscript><p>This page needs JavaScript to check an award.</p></noscript></section>
<p id="status" role="status" hidden></p>
<dl id="details" aria-label="Details of the award" hidden></dl>
<section id="drop" aria-labelledby="drop-title">
<p id="drop-title">Have the award as a file? Drop a certificate PDF, a badge image (PNG) or a credential file (JSON) here.</p>
<label class="button">Choose a file<input id="file" type="file" accept=".pdf,.png,.json,application/pdf,image/png,application/json"></label>
<p id="file-name"></p>
</section>
<details>
<summary>How this page checks an award</summary>
<p>The QR code on a certificate opens this page with a code in the address after the \u201c#\u201d. That part never leaves your device. This page checks the code\u2019s digital signature against the keys of ${name} that it carries itself, so it works without a connection. It then asks ${name}\u2019s web site whether the award has been withdrawn; when it cannot reach the site it says \u201cStatus not checked\u201d.</p>
<p>For a file dropped here (a credential file, a badge image or a certificate PDF), the page checks the digital signature of the award inside it (its Data Integrity proof, eddsa-rdfc-2022) against the keys of ${name} that it carries, on this device and without a connection: if anything in the award was changed after ${name} signed it, even one letter, the page says so. A badge image or PDF is only the envelope: what is checked is the signed award it carries.</p>
<p>It then fetches ${name}\u2019s list of withdrawn awards, and checks that list\u2019s own signature before believing it.</p>
<p>This page sends nothing about you or the award to anyone: the only request it makes is for ${name}\u2019s public list of withdrawn awards.</p>
</details>
<footer>Published by ${name}. Keys: ${config.keys.map((k) => escapeHtml(k.kid)).join(', ')}.</footer>
</main>
<script id="assay-config" type="application/json">${scriptJson(config)}</script>
<script>${script}</script>
</body>
</html>
`;
  return { html, config, csp };
}
