// Text as outside readers extract it from a certificate: poppler's pdftotext (reading order and -raw,
// content-stream order), pdf.js (pdfjs-dist, the text layer of browsers and many viewers) and Debian's
// python3-pypdf (run with Debian's /usr/bin/python3, whose package it is). Each returns page 1's text.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { run } from './helpers.js';

export function pdftotext(file: string, raw = false): string {
  const r = run('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']);
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  return r.stdout;
}

export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    return content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('');
  } finally {
    await doc.destroy();
  }
}

const PYPDF = `
import sys
from pypdf import PdfReader
sys.stdout.reconfigure(encoding='utf-8')
print(PdfReader(sys.argv[1]).pages[0].extract_text())
`;

export function pypdfText(file: string): string {
  const r = run('/usr/bin/python3', ['-c', PYPDF, file]);
  if (r.status !== 0)
    throw new Error(`python3-pypdf failed on ${file} (apt-get install python3-pypdf): ${r.stderr.slice(-2000)}`);
  return r.stdout;
}
