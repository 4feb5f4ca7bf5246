// The structure tree of a tagged certificate: Document → H1 / P for each line of text, a P with Span
// children when a line mixes languages, each leaf pointing at its marked-content sequence (MCID) on
// its page; /Lang where a span's script tells a language other than the document's, /ActualText where
// the glyphs alone do not read back as the text. Decoration (frame, rules, seal, QR code) is marked
// as artifacts in the content and has no place here.
import { PDFName, PDFNumber, type PDFContext, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib';
import type { TaggedLine, TaggedSpan } from '../content.js';
import { textString } from './util.js';

export interface TaggedPage {
  node: PDFDict;
  ref: PDFRef;
  lines: readonly TaggedLine[];
}

const primary = (lang: string): string => lang.split('-')[0]!.toLowerCase();

/** Adds StructTreeRoot, its ParentTree and MarkInfo to the catalog, and /StructParents to the pages. */
export function addStructureTree(context: PDFContext, catalog: PDFDict, pages: readonly TaggedPage[], lang: string) {
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const topKids: PDFRef[] = [];
  const nums: PDFObject[] = [];
  const attributes = (span: TaggedSpan): Record<string, PDFObject> => ({
    ...(span.lang && primary(span.lang) !== primary(lang) ? { Lang: textString(span.lang) } : {}),
    ...(span.actualText !== undefined ? { ActualText: textString(span.actualText) } : {}),
  });
  pages.forEach((page, index) => {
    const parents: PDFRef[] = [];
    // consecutive headings (a title and its second line) are one heading
    const elements: TaggedLine[] = [];
    for (const line of page.lines) {
      const last = elements[elements.length - 1];
      if (last && last.role === 'H1' && line.role === 'H1') last.spans.push(...line.spans);
      else elements.push({ role: line.role, spans: [...line.spans] });
    }
    for (const element of elements) {
      const ref = context.nextRef();
      topKids.push(ref);
      const base = { Type: 'StructElem', S: element.role, P: documentRef, Pg: page.ref };
      const only = element.spans.length === 1 ? element.spans[0]! : undefined;
      if (only) {
        context.assign(ref, context.obj({ ...base, K: only.mcid, ...attributes(only) }));
        parents[only.mcid] = ref;
        continue;
      }
      const kids: PDFRef[] = [];
      for (const span of element.spans) {
        const spanRef = context.register(
          context.obj({ Type: 'StructElem', S: 'Span', P: ref, Pg: page.ref, K: span.mcid, ...attributes(span) }),
        );
        kids.push(spanRef);
        parents[span.mcid] = spanRef;
      }
      context.assign(ref, context.obj({ ...base, K: kids }));
    }
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    nums.push(PDFNumber.of(index), context.obj(parents));
  });
  context.assign(
    documentRef,
    context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: topKids, Lang: textString(lang) }),
  );
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: documentRef,
      ParentTree: context.register(context.obj({ Nums: nums })),
      ParentTreeNextKey: pages.length,
    }),
  );
  catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}
