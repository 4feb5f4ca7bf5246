// Offline JSON-LD document loader: bundled contexts, did:key and app-known issuer keys; never the network.
import { AssayError } from '../../../shared/errors.js';
import type { DocumentLoader, RemoteDocument } from 'jsonld';
import { BUNDLED_CONTEXTS, OB_V3_CONTEXT, OB_V3_EXTENSIONS_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
import { parseDidKey, publicKeyFromMultikey } from './keys.js';

export type { DocumentLoader, RemoteDocument } from 'jsonld';

export { bundledContexts } from './contexts.js';
export { OB_V3_CONTEXT, OB_V3_EXTENSIONS_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT };
// Named (never loaded) in key documents: verifiers such as jsonld-signatures look for them by value.
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** An issuer key the app knows locally (e.g. registered in settings), served for its https URL. */
export interface KnownKey {
  /** The verification method URL, e.g. https://pd.example.edu/issuer#key-1 or did:web:pd.example.edu#z6Mk…. */
  id: string;
  /** Ed25519 Multikey, "z6Mk…". */
  publicKeyMultibase: string;
  /** The key's controller (normally the issuer id); defaults to `id` without its fragment. */
  controller?: string;
}

/** Thrown for any URL the loader cannot serve from what is bundled or known locally. */
export class OfflineDocumentError extends AssayError {
  constructor(readonly url: string) {
    super(
      'offline-document',
      `"${url}" is not known offline: Assay loads only bundled JSON-LD contexts, did:key keys and issuer keys it knows, and never fetches from the network`,
    );
    this.name = 'OfflineDocumentError';
  }
}

/** A resolved verification method as this loader serves it (a Multikey document). */
export interface MultikeyDocument {
  '@context': string;
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

function multikeyDocument(id: string, controller: string, publicKeyMultibase: string): MultikeyDocument {
  return { '@context': MULTIKEY_V1_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase };
}

/** A controller document authorising its keys for assertions (DID-document shaped, so no framing is needed). */
function controllerDocument(id: string, keys: readonly MultikeyDocument[]): object {
  const methods = keys.map(({ '@context': _ctx, ...vm }) => vm);
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.map((m) => m.id),
  };
}

export function controllerOf(key: KnownKey): string {
  return key.controller ?? key.id.split('#')[0]!;
}

export interface LoaderOptions {
  knownKeys?: readonly KnownKey[];
}

export interface OfflineDocumentLoader extends DocumentLoader {
  /** The verification method document for a key URL, or null if it is not resolvable offline. */
  resolveKey(url: string): MultikeyDocument | null;
  /** Which contexts it serves; loaders serving the same ones share canonicalization templates. */
  bundledContexts: ReadonlyMap<string, object>;
}

/**
 * Builds a loader. Contexts come back tagged "static" so jsonld caches their processed form across
 * calls; key documents are fresh objects each time because callers may modify what they get.
 */
export function createDocumentLoader(options: LoaderOptions = {}): OfflineDocumentLoader {
  const known = new Map<string, MultikeyDocument>();
  for (const key of options.knownKeys ?? []) {
    // did:web keys are served from what this store knows of its issuer (never fetched).
    if (!/^(?:https:\/\/|did:web:)[^#\s]+#[^#\s]+$/.test(key.id))
      throw new Error(`known key "${key.id}" must be an https URL or a did:web DID with a #fragment`);
    publicKeyFromMultikey(key.publicKeyMultibase); // refuse a malformed key when it is registered, not when used
    known.set(key.id, multikeyDocument(key.id, controllerOf(key), key.publicKeyMultibase));
  }
  const controllers = new Map<string, MultikeyDocument[]>();
  for (const vm of known.values()) controllers.set(vm.controller, [...(controllers.get(vm.controller) ?? []), vm]);

  const resolveKey = (url: string): MultikeyDocument | null => {
    const didKey = parseDidKey(url);
    if (didKey) return multikeyDocument(didKey.verificationMethod, didKey.did, didKey.publicKeyMultibase);
    const vm = known.get(url);
    return vm ? { ...vm } : null;
  };

  const lookup = (url: string): RemoteDocument => {
    const context = BUNDLED_CONTEXTS.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context, tag: 'static' };
    const didKey = parseDidKey(url);
    if (didKey) {
      const vm = multikeyDocument(didKey.verificationMethod, didKey.did, didKey.publicKeyMultibase);
      // A bare DID dereferences to its DID document; with the fragment, to the key itself.
      const document = didKey.hasFragment ? vm : controllerDocument(didKey.did, [vm]);
      return { contextUrl: null, documentUrl: url, document };
    }
    const vm = known.get(url);
    if (vm) return { contextUrl: null, documentUrl: url, document: { ...vm } };
    const keys = controllers.get(url);
    if (keys) return { contextUrl: null, documentUrl: url, document: controllerDocument(url, keys) };
    throw new OfflineDocumentError(url);
  };
  // jsonld awaits the loader: an unknown URL must reach it as a rejected promise, never a synchronous throw
  const load = (url: string): Promise<RemoteDocument> =>
    new Promise((settle) => {
      settle(lookup(url));
    });
  return Object.assign(load, { resolveKey, bundledContexts: BUNDLED_CONTEXTS });
}

/** The loader with no extra keys, shared so its (immutable) setup is done once per process. */
export const defaultDocumentLoader: OfflineDocumentLoader = createDocumentLoader();
