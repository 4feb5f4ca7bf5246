// Who a credential names as its issuer, and whether someone outside Assay can tie that to the institution.
// With the issuing body's did:web the issuer id is that DID and the key is `<did>#<Multikey>`, which a
// verifier resolves from https://<domain>/.well-known/did.json; without it the issuer is a did:key anyone
// could make under any name, so only this data folder can vouch for it.
import type { KeyObject } from 'node:crypto';
import { parseDidWeb } from '../../../shared/schemas/did-web.js';
import { didKeyFromPublicKey, didKeyVerificationMethod } from '../credential/keys.js';
import { badgeKeyMethodId } from './document.js';

export interface IssuerIdentifiers {
  /** The credential's issuer.id. */
  id: string;
  /** The proof's verificationMethod. */
  verificationMethod: string;
}

export function issuerIdentifiers(badgePublicKey: KeyObject, did?: string): IssuerIdentifiers {
  if (did === undefined) {
    return { id: didKeyFromPublicKey(badgePublicKey), verificationMethod: didKeyVerificationMethod(badgePublicKey) };
  }
  parseDidWeb(did);
  return { id: did, verificationMethod: badgeKeyMethodId(did, badgePublicKey) };
}

export interface IssuerVerifiability {
  /** Whether a verifier outside Assay can tie the award to the issuing body (its did:web). */
  thirdPartyVerifiable: boolean;
  /** Why, in words for the Awards screen and `assay verify`. */
  reason: string;
}

/** Judged from the credential's issuer id alone, so it holds for awards issued before this existed. */
export function issuerVerifiability(issuerId: string | undefined | null): IssuerVerifiability {
  if (issuerId?.startsWith('did:web:')) {
    return {
      thirdPartyVerifiable: true,
      reason: `issued as ${issuerId}: anyone can check it against the issuing body's published did.json`,
    };
  }
  if (issuerId?.startsWith('did:key:')) {
    return {
      thirdPartyVerifiable: false,
      reason:
        'issued under a did:key, a key made on this computer: anyone can make one under the same name, so a third party cannot tie this award to the institution (name the issuing body\u2019s did:web as issuer.did in the review package and publish its did.json)',
    };
  }
  return {
    thirdPartyVerifiable: false,
    reason: `the issuer ${issuerId ? `"${issuerId}"` : '(none named)'} is neither a did:web nor a did:key, so a third party cannot tie this award to the institution`,
  };
}
