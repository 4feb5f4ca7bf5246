// The issuer's verify page: ONE self-contained HTML file (inline script and style, both allowed by
// hash in a strict Content-Security-Policy; no external requests but the issuer's status lists) that
// the issuing body hosts at its verify page URL, and that works from any static host or file://.
// It embeds the issuer's Ed25519 badge keys and checks the QR code's signed proof (certificate/qr.ts)
// with WebCrypto, then fetches the hosted status list to tell revoked from in force.
import crypto, { type KeyObject } from 'node:crypto';
import { publicKeyFromMultikey, rawEd25519PublicKey, multikeyFromPublicKey } from '../credential/keys.js';
import { qrKeyId } from '../certificate/qr.js';
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
  return {
    issuer: { name: input.issuerName, ids: [...new Set(input.issuerIds)] },
    keys,
    verifyPageUrl: input.verifyPageUrl,
    statusOrigins: [
      ...new Set(
        [input.verifyPageUrl, ...input.statusListUrls].map((u) => new URL(u).origin).filter((o) => o !== 'null'),
      ),
    ].sort(),
  };
}

/** The page, as the exact text to write (UTF-8). Deterministic: the same input gives the same bytes. */
export function buildVerifyPage(input: VerifyPageInput): { html: string; config: VerifyPageConfig; csp: string } {
  const config = verifyPageConfig(input);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(PAGE_SCRIPT)}'`,
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
<p>For a file dropped here, the page reads the award\u2019s details and checks with ${name} whether it was withdrawn, but it does not check the file\u2019s own signature: use Assay (assay verify) or the Learner Credential Wallet\u2019s verifier for that.</p>
<p>This page sends nothing about you or the award to anyone: the only request it makes is for ${name}\u2019s public list of withdrawn awards.</p>
</details>
<footer>Published by ${name}. Keys: ${config.keys.map((k) => escapeHtml(k.kid)).join(', ')}.</footer>
</main>
<script id="assay-config" type="application/json">${scriptJson(config)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
  return { html, config, csp };
}
