// Deterministic JSON for hashing: the JSON Canonicalization Scheme (RFC 8785, via `canonicalize`), so
// that a hash Assay publishes (a results package's rubricSha256) can be recomputed by any JCS library.
import canonicalize from 'canonicalize';

/**
 * RFC 8785 text of `value`. A value RFC 8785 refuses (a string with an unpaired surrogate, which a
 * JSON \u escape can carry; a number that is not finite; an object with toJSON) keeps Assay's earlier
 * form, so that whatever imported before still imports and hashes as it did.
 */
export function canonicalJson(value: unknown): string {
  return isIJson(value) ? canonicalize(value)! : legacyCanonicalJson(value);
}

/**
 * The form Assay hashed with before RFC 8785: keys sorted, then JSON.stringify, which puts integer-like
 * keys ("9", "10") first in numeric order. It differs from RFC 8785 only for objects with such keys.
 * Kept to recognise content hashes stored by earlier versions (see contentMatches in store/rows.ts).
 */
export function legacyCanonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Plain JSON data that RFC 8785 accepts: well-formed strings (keys too), finite numbers, no toJSON. */
const LONE_SURROGATE = /\p{Cs}/u;

function isIJson(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isIJson);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Object.entries(value).every(([k, v]) => !LONE_SURROGATE.test(k) && isIJson(v));
}
