// Ed25519 keys as Multikey (z6Mk…) and did:key, as node:crypto key objects; the byte-level parts (base58btc,
// Multikey bytes, did:key syntax) are multikey.ts's.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ED25519_PUB_CODEC, multibaseEncode, rawFromMultikey } from './multikey.js';

export * from './multikey.js';

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
  return ed25519PublicKeyFromRaw(rawFromMultikey(multibase));
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
