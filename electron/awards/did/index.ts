export {
  buildDidDocument,
  badgeKeyMethodId,
  certificateMethodId,
  didDocumentLocation,
  JWS_2020_CONTEXT,
  type DidDocument,
  type DidDocumentInput,
  type JsonWebKeyMethod,
  type MultikeyMethod,
} from './document.js';
export { issuerIdentifiers, issuerVerifiability, type IssuerIdentifiers, type IssuerVerifiability } from './issuer.js';
export { didWebDocumentUrl, didWebProblem, parseDidWeb, type DidWebParts } from '../../../shared/schemas/did-web.js';
export { storeDidWebKeys, parseDidDocument, didDocumentAnchor } from './resolve.js';
export { exportDidDocument, chooseDid, packageDids, type DidExport } from './export.js';
