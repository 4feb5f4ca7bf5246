// RDFC-1.0 canonical N-Quads of a JSON-LD document: jsonld expansion to RDF (safe mode, no base), then
// rdf-canonize. No Node here: the verify page's proof checker is built for the browser from this module.
import jsonld, { type DocumentLoader } from 'jsonld';
import rdfCanonize from 'rdf-canonize';

/** Safe mode: a term the @context does not define is an error, never silently dropped. */
export const TO_RDF_OPTIONS = {
  safe: true,
  base: null,
  rdfDirection: 'i18n-datatype',
  produceGeneralizedRdf: false,
} as const;

export async function rdfCanonicalize(document: object, documentLoader: DocumentLoader): Promise<string> {
  const dataset = await jsonld.toRDF(document, { documentLoader, ...TO_RDF_OPTIONS });
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}
