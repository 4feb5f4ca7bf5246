// Ed25519 keys as Multikey (z6Mk…) and did:key; base58btc is @scure/base's.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
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
const ED25519_PUB_CODEC = [0xed, 0x01] as const;
// DER prefixes for wrapping raw Ed25519 keys so node:crypto can import them (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The 32 raw bytes of an Ed25519 public key (from a public or private KeyObject). */
export function rawEd25519PublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519')
    throw new Error(`expected an Ed25519 key, got ${pub.asymmetricKeyType ?? 'a symmetric key'}`);
  const der = pub.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_PREFIX.length));
}

export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Imports a 32-byte Ed25519 seed (the form test vectors and key backups use). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error(`an Ed25519 seed has 32 bytes, not ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** Public key → Multikey `publicKeyMultibase` ("z6Mk…"). */
export function multikeyFromPublicKey(key: KeyObject | Uint8Array): string {
  const raw = key instanceof Uint8Array ? key : rawEd25519PublicKey(key);
  if (raw.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return multibaseEncode(Uint8Array.from([...ED25519_PUB_CODEC, ...raw]));
}

// Importing a key costs more than checking a signature; a batch meets the same few keys again and again.
const importedKeys = new Map<string, KeyObject>();

/** Multikey "z6Mk…" → public key; anything but an Ed25519 key is refused. */
export function publicKeyFromMultikey(multibase: string): KeyObject {
  const cached = importedKeys.get(multibase);
  if (cached) return cached;
  const key = importMultikey(multibase);
  if (importedKeys.size >= 256) importedKeys.delete(importedKeys.keys().next().value!);
  importedKeys.set(multibase, key);
  return key;
}

function importMultikey(multibase: string): KeyObject {
  const bytes = multibaseDecode(multibase);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_CODEC[0] || bytes[1] !== ED25519_PUB_CODEC[1]) {
    throw new Error(`"${multibase}" is not an Ed25519 Multikey (expected multicodec 0xed01 and 32 key bytes)`);
  }
  return ed25519PublicKeyFromRaw(bytes.subarray(2));
}

/** `did:key:z6Mk…` for a public key. */
export function didKeyFromPublicKey(key: KeyObject | Uint8Array): string {
  return `did:key:${multikeyFromPublicKey(key)}`;
}

/** The conventional verification method of a did:key: the DID with its own key as the fragment. */
export function didKeyVerificationMethod(key: KeyObject | Uint8Array): string {
  const multikey = multikeyFromPublicKey(key);
  return `did:key:${multikey}#${multikey}`;
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
  publicKeyFromMultikey(publicKeyMultibase); // refuses non-Ed25519 or malformed keys early
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
