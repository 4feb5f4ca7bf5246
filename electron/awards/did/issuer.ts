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

/** Why an award is, or is not, verifiable by third parties (the Awards screen words each one). */
export type VerifiabilityBasis =
  /** did:web issuer and a status list at an https URL: anyone can check signature and revocation. */
  | 'did-web'
  /** did:web issuer, but revocation is known only to this data folder (no hosted status list). */
  | 'no-hosted-status'
  /** did:key issuer: nothing ties the key to the institution. */
  | 'did-key'
  /** Any other issuer id (or none). */
  | 'unknown-issuer';

export interface IssuerVerifiability {
  /** Whether a verifier outside Assay can tie the award to the issuing body (its did:web) and learn its revocation status. */
  thirdPartyVerifiable: boolean;
  /** Why, in words for `assay verify` and the award record. */
  reason: string;
  basis: VerifiabilityBasis;
  /** The did:web the award is issued under, when it is one. */
  did?: string;
  /** Where a verifier learns whether it was revoked (the credential's status list), when at an https URL. */
  statusListUrl?: string;
}

const HOSTED = /^https:\/\/[^\s#]+$/;

/**
 * Judged from the credential's issuer id and, when given, its status list URL (`status`; null for a
 * credential naming none), so it holds for awards issued before this existed. Without `status` only
 * the issuer is judged.
 */
export function issuerVerifiability(
  issuerId: string | undefined | null,
  status?: { statusListUrl: string | null | undefined },
): IssuerVerifiability {
  if (issuerId?.startsWith('did:web:')) {
    const url = status?.statusListUrl ?? undefined;
    if (status && (url === undefined || !HOSTED.test(url))) {
      return {
        thirdPartyVerifiable: false,
        basis: 'no-hosted-status',
        did: issuerId,
        reason: `issued as ${issuerId}, so anyone can check its signature against the issuing body's published did.json, but ${
          url === undefined
            ? 'it names no revocation status list (issued before Assay kept them)'
            : `its revocation status list ${url} has no web address`
        }: only this data folder knows whether it was revoked (set the statusListUrl setting, or issuer.statusListUrl in the review package, for new awards)`,
      };
    }
    return {
      thirdPartyVerifiable: true,
      basis: 'did-web',
      did: issuerId,
      ...(url ? { statusListUrl: url } : {}),
      reason: `issued as ${issuerId}: anyone can check it against the issuing body's published did.json${
        url ? ` and its revocation status against the status list at ${url}` : ''
      }`,
    };
  }
  if (issuerId?.startsWith('did:key:')) {
    return {
      thirdPartyVerifiable: false,
      basis: 'did-key',
      reason:
        'issued under a did:key, a key made on this computer: anyone can make one under the same name, so a third party cannot tie this award to the institution (name the issuing body\u2019s did:web as issuer.did in the review package and publish its did.json)',
    };
  }
  return {
    thirdPartyVerifiable: false,
    basis: 'unknown-issuer',
    reason: `the issuer ${issuerId ? `"${issuerId}"` : '(none named)'} is neither a did:web nor a did:key, so a third party cannot tie this award to the institution`,
  };
}
