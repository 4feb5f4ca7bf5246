// Deterministic identifiers: slugs for ids derived from names, name-based UUIDs (RFC 9562 v5) for CASE.
import { createHash } from 'node:crypto';

/** Assay's namespace for name-based UUIDs; fixed forever so an export is reproducible. */
const NAMESPACE = Buffer.from('5b1c3f0e8a7d4e2b9c6f1a0d2e4b6c8a', 'hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** A version 5 UUID of `name` in Assay's namespace: the same name always gives the same UUID. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The UUID inside a `urn:uuid:` id, or a name-based one for any other id. */
export function uuidFor(id: string): string {
  const m = /^urn:uuid:(.+)$/i.exec(id);
  if (m && isUuid(m[1]!)) return m[1]!.toLowerCase();
  return uuidV5(id);
}

/** "Designs an Inquiry-based Lesson!" -> "designs-an-inquiry-based-lesson": accents folded, ASCII only (ids are URIs). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Hands out slugs of names, each once: a repeated name gets "-2", "-3", ... */
export class SlugPool {
  private readonly used = new Set<string>();
  constructor(private readonly fallback: string) {}

  take(name: string): string {
    const base = slug(name) || this.fallback;
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
