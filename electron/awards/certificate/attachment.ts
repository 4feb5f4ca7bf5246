// Reading an attached file (e.g. credential.json) back out of a PDF through the catalog's
// /Names /EmbeddedFiles name tree (and the document's /AF associated files).
import { PdfDict, PdfString, decodeTextString, type PdfValue } from './pdf/objects.js';
import { PdfReader } from './pdf/parser.js';

function filespecName(reader: PdfReader, spec: PdfDict): string | undefined {
  for (const key of ['UF', 'F']) {
    const v = reader.resolve(spec.get(key));
    if (v instanceof PdfString) return decodeTextString(v.bytes);
  }
  return undefined;
}

function fileOf(reader: PdfReader, spec: PdfDict): Buffer | undefined {
  const ef = reader.dict(spec.get('EF'));
  if (!ef) return undefined;
  return reader.stream(ef.get('UF') ?? ef.get('F'))?.data;
}

/** The named attachment's bytes, or undefined when the PDF has none by that name. */
export function extractAttachment(pdf: Uint8Array, fileName: string): Buffer | undefined {
  const reader = new PdfReader(pdf);
  const catalog = reader.catalog();
  const seen = new Set<PdfValue>();
  const walk = (node: PdfValue | undefined, depth: number): Buffer | undefined => {
    const d = reader.dict(node);
    if (!d || depth > 32 || seen.has(d)) return undefined;
    seen.add(d);
    const names = reader.resolve(d.get('Names'));
    if (Array.isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = reader.resolve(names[i]);
        const spec = reader.dict(names[i + 1]);
        if (!spec) continue;
        if ((key instanceof PdfString && decodeTextString(key.bytes) === fileName) || filespecName(reader, spec) === fileName) {
          const data = fileOf(reader, spec);
          if (data) return data;
        }
      }
    }
    const kids = reader.resolve(d.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) {
      const hit = walk(kid, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  const found = walk(reader.dict(catalog.get('Names'))?.get('EmbeddedFiles'), 0);
  if (found) return found;
  const af = reader.resolve(catalog.get('AF'));
  if (Array.isArray(af)) {
    for (const item of af) {
      const spec = reader.dict(item);
      if (spec && filespecName(reader, spec) === fileName) return fileOf(reader, spec);
    }
  }
  return undefined;
}
