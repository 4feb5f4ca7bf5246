// Reading an attached file (e.g. credential.json) back out of a PDF with pdf-lib: through the catalog's
// /Names /EmbeddedFiles name tree, then the document's /AF associated files.
import {
  PDFDocument,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFDict,
  type PDFObject,
} from 'pdf-lib';
import { LOAD_OPTIONS, arrayOf, decodeText, dictOf } from './pdf/util.js';

const N = {
  Names: PDFName.of('Names'),
  Kids: PDFName.of('Kids'),
  EmbeddedFiles: PDFName.of('EmbeddedFiles'),
  AF: PDFName.of('AF'),
  EF: PDFName.of('EF'),
  UF: PDFName.of('UF'),
  F: PDFName.of('F'),
} as const;

function filespecName(ctx: PDFContext, spec: PDFDict): string | undefined {
  return decodeText(ctx.lookup(spec.get(N.UF))) ?? decodeText(ctx.lookup(spec.get(N.F)));
}

function fileOf(ctx: PDFContext, spec: PDFDict): Buffer | undefined {
  const ef = dictOf(ctx, spec.get(N.EF));
  const stream = ctx.lookup(ef?.get(N.UF) ?? ef?.get(N.F));
  return stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()) : undefined;
}

/** The named attachment's bytes, or undefined when the PDF has none by that name. */
export async function extractAttachment(pdf: Uint8Array, fileName: string): Promise<Buffer | undefined> {
  const doc = await PDFDocument.load(pdf, LOAD_OPTIONS);
  const ctx = doc.context;
  const seen = new Set<PDFDict>();
  const walk = (node: PDFObject | undefined, depth: number): Buffer | undefined => {
    const d = dictOf(ctx, node);
    if (!d || depth > 32 || seen.has(d)) return undefined;
    seen.add(d);
    const names = arrayOf(ctx, d.get(N.Names))?.asArray() ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const spec = dictOf(ctx, names[i + 1]);
      if (spec && (decodeText(ctx.lookup(names[i])) === fileName || filespecName(ctx, spec) === fileName)) {
        const data = fileOf(ctx, spec);
        if (data) return data;
      }
    }
    for (const kid of arrayOf(ctx, d.get(N.Kids))?.asArray() ?? []) {
      const hit = walk(kid, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  const found = walk(dictOf(ctx, doc.catalog.get(N.Names))?.get(N.EmbeddedFiles), 0);
  if (found) return found;
  for (const item of arrayOf(ctx, doc.catalog.get(N.AF))?.asArray() ?? []) {
    const spec = dictOf(ctx, item);
    if (spec && filespecName(ctx, spec) === fileName) return fileOf(ctx, spec);
  }
  return undefined;
}
