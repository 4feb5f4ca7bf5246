// Multibase, Ed25519 Multikey bytes and did:key syntax, without Node: the verify page's proof checker
// is built for the browser from this module too (keys.ts adds node:crypto key objects on top).
import { base58 } from '@scure/base';

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet), each leading zero byte written as "1". */
export function base58Encode(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

export function base58Decode(text: string): Uint8Array {
  const bad = Array.from(text).find((c) => !BASE58_ALPHABET.includes(c));
  // Our own wording: the message ends up after "proofValue" in a verification report.
  if (bad !== undefined) throw new Error(`"${bad}" is not a base58 character`);
  return base58.decode(text);
}

/** Multibase base58btc: the "z" prefix says which base the rest is in. */
export function multibaseEncode(bytes: Uint8Array): string {
  return `z${base58Encode(bytes)}`;
}

export function multibaseDecode(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('is not base58btc multibase (it must start with "z")');
  return base58Decode(text.slice(1));
}

// Multicodec "ed25519-pub" (0xed) as an unsigned varint: 0xed 0x01.
export const ED25519_PUB_CODEC = [0xed, 0x01] as const;

/** Multikey "z6Mk…" → the 32 raw bytes of the Ed25519 public key; anything else is refused. */
export function rawFromMultikey(multibase: string): Uint8Array {
  const bytes = multibaseDecode(multibase);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_CODEC[0] || bytes[1] !== ED25519_PUB_CODEC[1]) {
    throw new Error(`"${multibase}" is not an Ed25519 Multikey (expected multicodec 0xed01 and 32 key bytes)`);
  }
  return bytes.subarray(2);
}

export interface ParsedDidKey {
  did: string;
  publicKeyMultibase: string;
  /** The verification method id this URL stands for (a bare DID means its only key). */
  verificationMethod: string;
  hasFragment: boolean;
}

/** Parses `did:key:z6Mk…` or `did:key:z6Mk…#z6Mk…`; null for other URLs, an error for a broken did:key. */
export function parseDidKey(url: string): ParsedDidKey | null {
  if (!url.startsWith('did:key:')) return null;
  const [did, fragment, ...rest] = url.split('#');
  const publicKeyMultibase = did!.slice('did:key:'.length);
  if (rest.length > 0) throw new Error(`"${url}" has more than one "#"`);
  rawFromMultikey(publicKeyMultibase); // refuses non-Ed25519 or malformed keys early
  // A did:key document holds exactly one key, named by the key itself; any other fragment names nothing.
  if (fragment !== undefined && fragment !== publicKeyMultibase)
    throw new Error(`"${url}": a did:key has no verification method "#${fragment}"`);
  return {
    did: did!,
    publicKeyMultibase,
    verificationMethod: `${did!}#${publicKeyMultibase}`,
    hasFragment: fragment !== undefined,
  };
}
