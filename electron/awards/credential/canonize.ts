// RDFC-1.0 canonicalization, with jsonld expansion done once per document shape (it is ~95% of signing time).
import jsonld, { type DocumentLoader, type RdfQuad, type RdfTerm } from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { bundledContexts, defaultDocumentLoader } from './document-loader.js';
import { rdfCanonicalize, TO_RDF_OPTIONS } from './rdfc.js';

/*
 * Why a template cache: jsonld deep-clones its active context for every typed node (OB 3.0 uses
 * type-scoped contexts on ~40 nodes per credential), costing ~10 ms a credential, while RDFC-1.0
 * itself takes ~0.3 ms. Credentials in a batch share one *shape* (keys, types, numbers) and differ
 * only in strings. So the shape is expanded once with each string replaced by a unique placeholder
 * IRI, and later documents substitute their strings into the resulting quads. Strings land in
 * either a literal (copied verbatim by JSON-LD) or an IRI position; an IRI-position string takes
 * the template only if JSON-LD would also pass it through unchanged (an absolute IRI whose scheme
 * is no context term), else jsonld runs. The first document of each shape is also run through
 * jsonld and must give identical output, or the shape is never templated.
 */

const PLACEHOLDER = 'urn:x-assay-template:';
const PLACEHOLDER_RE = /^urn:x-assay-template:(\d+)$/;
// Values of these keys steer expansion (type names, @vocab-coerced terms), so they are part of the shape.
const SHAPE_KEYS = new Set(['type', 'proofPurpose']);
// `@type: @json` terms turn their whole value into one JSON literal: kept verbatim in the shape.
const JSON_KEYS = new Set(['jsonSchema', '_sd', 'jwk']);
// eslint-disable-next-line no-control-regex -- the class must name U+0000–U+001F
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+.-]*):[^\s<>"{}|\\^`\u0000-\u001f]*$/;
const MAX_SHAPES = 256;

/** Every term any bundled context defines: a scheme equal to one could be read as a compact IRI. */
const CONTEXT_TERMS: ReadonlySet<string> = (() => {
  const terms = new Set<string>();
  const walk = (ctx: unknown): void => {
    if (Array.isArray(ctx)) {
      ctx.forEach(walk);
      return;
    }
    if (typeof ctx !== 'object' || ctx === null) return;
    for (const [key, def] of Object.entries(ctx)) {
      if (key === '@context') walk(def);
      else if (!key.startsWith('@')) {
        terms.add(key);
        if (typeof def === 'object' && def !== null && '@context' in def)
          walk((def as { '@context': unknown })['@context']);
      }
    }
  };
  for (const ctx of bundledContexts().values()) walk(ctx);
  return terms;
})();

/** The plain path: jsonld expansion to RDF, then RDFC-1.0 (safe mode: undefined terms are errors). */
export async function canonicalizeWithJsonLd(document: object, documentLoader: DocumentLoader): Promise<string> {
  canonicalizeStats.jsonld++;
  return rdfCanonicalize(document, documentLoader);
}

type Slot = number | null; // index into the document's strings, or null for a fixed value
interface TemplateTerm {
  term: RdfTerm;
  slot: Slot;
}
interface Template {
  quads: TemplateTerm[][]; // [subject, predicate, object, graph]
  iriSlots: ReadonlySet<number>;
  checked: boolean;
}
type Entry = Template | 'untemplatable';

/** Shape key and strings of a document, or null if it is outside what the template reasoning covers. */
function shapeOf(document: object): { key: string; strings: string[] } | null {
  const strings: string[] = [];
  // widened: the walk below clears it from a closure, which TypeScript's narrowing does not see
  let ok = true as boolean;
  const walk = (value: unknown, top: boolean): unknown => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) ok = false;
      strings.push(value);
      return `${PLACEHOLDER}${strings.length - 1}`;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, false));
    if (typeof value !== 'object' || value === null) return value; // numbers, booleans, null: part of the shape
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.includes(PLACEHOLDER)) ok = false;
      if (key === '@context') {
        // Only bundled contexts by URL, at the top: an inline context could alias keywords we do not know.
        const urls = [v].flat();
        if (!top || !urls.every((u) => typeof u === 'string' && bundledContexts().has(u))) ok = false;
        out[key] = v;
      } else if (key.startsWith('@')) ok = false;
      else if (SHAPE_KEYS.has(key) || JSON_KEYS.has(key)) {
        if (JSON.stringify(v).includes(PLACEHOLDER)) ok = false;
        out[key] = v;
      } else out[key] = walk(v, false);
    }
    return out;
  };
  const shaped = walk(document, true);
  return ok ? { key: JSON.stringify(shaped), strings } : null;
}

async function buildTemplate(shapeKey: string, stringCount: number, documentLoader: DocumentLoader): Promise<Entry> {
  const dataset = await jsonld.toRDF(JSON.parse(shapeKey) as object, { documentLoader, ...TO_RDF_OPTIONS });
  const iriSlots = new Set<number>();
  const seen = new Set<number>();
  let usable = true;
  const termOf = (term: RdfTerm): TemplateTerm => {
    const match = PLACEHOLDER_RE.exec(term.value);
    if (match) {
      const slot = Number(match[1]);
      seen.add(slot);
      if (term.termType === 'NamedNode') iriSlots.add(slot);
      else if (term.termType !== 'Literal') usable = false;
      return { term, slot };
    }
    // A placeholder inside a longer value (or in a datatype) means JSON-LD transformed the string.
    if (
      term.value.includes(PLACEHOLDER) ||
      term.datatype?.value.includes(PLACEHOLDER) ||
      term.language?.includes(PLACEHOLDER)
    )
      usable = false;
    return { term, slot: null };
  };
  const quads = dataset.map((q) => [termOf(q.subject), termOf(q.predicate), termOf(q.object), termOf(q.graph)]);
  if (seen.size !== stringCount) usable = false; // a string JSON-LD dropped: let jsonld decide what that means
  return usable ? { quads, iriSlots, checked: false } : 'untemplatable';
}

/** The dataset for `strings` in a template, or null when some IRI-position string needs jsonld itself. */
function instantiate(template: Template, strings: readonly string[]): RdfQuad[] | null {
  for (const slot of template.iriSlots) {
    const m = ABSOLUTE_IRI.exec(strings[slot]!);
    if (!m || CONTEXT_TERMS.has(m[1]!)) return null;
  }
  const fill = ({ term, slot }: TemplateTerm): RdfTerm => (slot === null ? term : { ...term, value: strings[slot]! });
  const seen = new Set<string>();
  const out: RdfQuad[] = [];
  for (const [s, p, o, g] of template.quads) {
    const quad: RdfQuad = { subject: fill(s!), predicate: fill(p!), object: fill(o!), graph: fill(g!) };
    // Equal strings can make two template quads one statement; a dataset is a set, as jsonld's node map ensures.
    const { subject: qs, predicate: qp, object: qo, graph: qg } = quad;
    const key = JSON.stringify([
      qs.termType,
      qs.value,
      qp.value,
      qo.termType,
      qo.value,
      qo.datatype?.value,
      qo.language,
      qg.termType,
      qg.value,
    ]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(quad);
    }
  }
  return out;
}

const caches = new WeakMap<object, Map<string, Promise<Entry>>>();

/** How often each path ran (for benchmarks and for tests that must know the template was used). */
export const canonicalizeStats = { templated: 0, jsonld: 0 };

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, exactly as jsonld.toRDF (safe mode, no base)
 * plus rdf-canonize would give them.
 */
export async function canonicalize(
  document: object,
  documentLoader: DocumentLoader = defaultDocumentLoader,
): Promise<string> {
  const shape = shapeOf(document);
  if (!shape) return canonicalizeWithJsonLd(document, documentLoader);
  // Loaders serving the bundled contexts share templates; any other loader gets its own.
  const cacheKey = 'bundledContexts' in documentLoader ? (documentLoader.bundledContexts as object) : documentLoader;
  let cache = caches.get(cacheKey);
  if (!cache) caches.set(cacheKey, (cache = new Map<string, Promise<Entry>>()));
  let pending = cache.get(shape.key);
  if (pending) {
    cache.delete(shape.key); // re-insert: Map order is the LRU order
  } else {
    pending = buildTemplate(shape.key, shape.strings.length, documentLoader).catch(() => 'untemplatable' as const);
    if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
  }
  cache.set(shape.key, pending);
  const entry = await pending;
  const dataset = entry === 'untemplatable' ? null : instantiate(entry, shape.strings);
  if (entry === 'untemplatable' || !dataset) return canonicalizeWithJsonLd(document, documentLoader);
  canonicalizeStats.templated++;
  const fast = await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
  if (!entry.checked) {
    const exact = await canonicalizeWithJsonLd(document, documentLoader);
    if (exact !== fast) {
      cache.set(shape.key, Promise.resolve('untemplatable'));
      return exact;
    }
    entry.checked = true;
  }
  return fast;
}
