// The revocation status of a credential as `assay verify` reports it: from a status list file the
// verifier was given, else from this store's own list, else "status unknown" — never "not revoked".
import type { KnownKey } from '../credential/index.js';
import { getBit } from './bitstring.js';
import { checkStatusListCredential } from './credential.js';
import { StatusLists } from './store.js';

export interface StatusFinding {
  /** revoked: the list says so; unknown: nothing to check it against; failed: the list given is unusable. */
  state: 'not-revoked' | 'revoked' | 'unknown' | 'failed' | 'no-entry';
  detail: string;
}

export interface StatusSources {
  /** A BitstringStatusListCredential the person verifying supplied (`--status-list FILE`). */
  file?: { name: string; json: unknown };
  /** This store's lists. */
  store?: StatusLists;
  knownKeys?: readonly KnownKey[];
  now?: Date;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function credentialStatus(credential: unknown, sources: StatusSources): Promise<StatusFinding> {
  if (!isObject(credential)) return { state: 'failed', detail: 'the credential is not a JSON object' };
  const entries = [credential['credentialStatus'] ?? []].flat().filter(isObject);
  const entry = entries.find((e) => e['type'] === 'BitstringStatusListEntry' && e['statusPurpose'] === 'revocation');
  if (!entry)
    return {
      state: 'no-entry',
      detail:
        'the credential names no revocation status list (issued before Assay kept them); only local records can tell',
    };
  const url = entry['statusListCredential'];
  const indexText = entry['statusListIndex'];
  if (typeof url !== 'string' || typeof indexText !== 'string' || !/^(0|[1-9]\d{0,9})$/.test(indexText))
    return {
      state: 'failed',
      detail: "the credential's status entry has no usable statusListCredential and statusListIndex",
    };
  const index = Number(indexText);
  const issuer = credential['issuer'];
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : isObject(issuer) && typeof issuer['id'] === 'string'
        ? issuer['id']
        : undefined;
  const at = `${url}, index ${index}`;

  if (sources.file) {
    const list = await checkStatusListCredential(
      sources.file.json,
      { url, issuerId, purpose: 'revocation' },
      { ...(sources.knownKeys ? { knownKeys: sources.knownKeys } : {}), ...(sources.now ? { now: sources.now } : {}) },
    );
    if (!list.ok) return { state: 'failed', detail: `${sources.file.name}: ${list.reason}; status unknown` };
    if (index >= list.bits.length * 8)
      return { state: 'failed', detail: `${sources.file.name}: index ${index} is outside the list; status unknown` };
    const signedAt = list.validFrom ? ` (list valid from ${list.validFrom})` : '';
    return getBit(list.bits, index)
      ? { state: 'revoked', detail: `REVOKED according to ${sources.file.name}${signedAt}: ${at}` }
      : { state: 'not-revoked', detail: `not revoked according to ${sources.file.name}${signedAt}: ${at}` };
  }

  const own = sources.store?.byUrl(url);
  if (own) {
    if (own.issuerId !== issuerId)
      // Another issuer's credential naming our URL: this folder knows nothing of its status.
      return {
        state: 'unknown',
        detail: `status unknown: this data folder's list ${url} covers the issuer ${own.issuerId}, not ${issuerId ?? '(none named)'}`,
      };
    if (index >= own.size) return { state: 'failed', detail: `index ${index} is outside ${url}; status unknown` };
    const hosted = StatusLists.isCurrent(own)
      ? ''
      : '; the signed list was not re-made since the last change (export it again with "assay status-list export")';
    return getBit(own.bits, index)
      ? { state: 'revoked', detail: `REVOKED in this data folder's status list ${at}${hosted}` }
      : { state: 'not-revoked', detail: `not revoked in this data folder's status list ${at}${hosted}` };
  }
  return {
    state: 'unknown',
    detail: `status unknown: this data folder does not keep ${url}; give the hosted list with --status-list FILE`,
  };
}
