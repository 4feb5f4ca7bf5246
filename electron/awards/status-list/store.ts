// The issuer's revocation lists kept in the store: an index for each new credential (random among the
// free ones), a bit set on every revoke and re-issue, and the signed list re-made after every change.
import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../../store/db.js';
import type { BitstringStatusListEntry } from '../credential/ob3.js';
import { emptyBitstring, getBit, STATUS_LIST_LENGTH, withBit } from './bitstring.js';
import { signStatusList, STATUS_PURPOSE, type StatusListSigner } from './credential.js';

/** A list or an index that cannot be given out; the message says what to change. */
export class StatusListError extends Error {
  override name = 'StatusListError';
}

export interface StatusListRow {
  id: number;
  url: string;
  issuerId: string;
  size: number;
  bits: Uint8Array;
  version: number;
  signedJson: string | null;
  signedVersion: number | null;
  signedAt: string | null;
  entries: number;
}

interface DbRow {
  id: number;
  url: string;
  issuer_id: string;
  size: number;
  bits: Buffer;
  version: number;
  signed_json: string | null;
  signed_version: number | null;
  signed_at: string | null;
  entries: number;
}

const SELECT = `SELECT l.*, (SELECT COUNT(*) FROM status_list_entries e WHERE e.list_id = l.id) AS entries FROM status_lists l`;

const toRow = (r: DbRow): StatusListRow => ({
  id: r.id,
  url: r.url,
  issuerId: r.issuer_id,
  size: r.size,
  bits: new Uint8Array(r.bits),
  version: r.version,
  signedJson: r.signed_json,
  signedVersion: r.signed_version,
  signedAt: r.signed_at,
  entries: r.entries,
});

/** Where the list a new credential goes on is hosted (see README "Verifying an award"). */
export interface StatusListPlace {
  /** The URL set in Settings (`statusListUrl`) or named by the package (`issuer.statusListUrl`): used as is. */
  configured?: { url: string; source: string };
  /** The issuer's web address: lists are then `<url>/status/1`, `/status/2`, … */
  issuerUrl?: string;
}

/** The status list URL set in the store's settings (key `statusListUrl`, a JSON string), if any. */
export function statusListUrlSetting(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'statusListUrl'").get() as
    { value: string } | undefined;
  if (!row) return undefined;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const HTTPS_URL = /^https:\/\/[^\s#]+$/;

/** A bound on the random tries before listing the free indices (only a nearly full list gets there). */
const RANDOM_TRIES = 64;

export class StatusLists {
  constructor(private readonly db: Db) {}

  all(): StatusListRow[] {
    return (this.db.prepare(`${SELECT} ORDER BY l.id`).all() as DbRow[]).map(toRow);
  }

  byUrl(url: string): StatusListRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE l.url = ?`).get(url) as DbRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** The list and index a credential was given, if it has one. */
  entryOf(credentialId: string): { list: StatusListRow; index: number } | undefined {
    const e = this.db
      .prepare('SELECT list_id AS listId, idx FROM status_list_entries WHERE credential_id = ?')
      .get(credentialId) as { listId: number; idx: number } | undefined;
    if (!e) return undefined;
    const list = toRow(this.db.prepare(`${SELECT} WHERE l.id = ?`).get(e.listId) as DbRow);
    return { list, index: e.idx };
  }

  /**
   * Takes a free index, chosen at random, for a credential about to be signed: neighbouring indices
   * then say nothing about which awards were issued together. One transaction, so the app and the CLI
   * never take the same index; `release` gives it back when the credential is not issued after all.
   */
  reserve(credentialId: string, issuerId: string, place: StatusListPlace, now = new Date()): BitstringStatusListEntry {
    return this.db
      .transaction(() => {
        const list = this.listFor(issuerId, place, now);
        const taken = this.db.prepare('SELECT 1 FROM status_list_entries WHERE list_id = ? AND idx = ?').pluck();
        let index: number | undefined;
        for (let i = 0; i < RANDOM_TRIES && index === undefined; i++) {
          const candidate = randomInt(list.size);
          if (!taken.get(list.id, candidate)) index = candidate;
        }
        index ??= this.randomFree(list);
        this.db
          .prepare('INSERT INTO status_list_entries (list_id, idx, credential_id) VALUES (?, ?, ?)')
          .run(list.id, index, credentialId);
        return {
          id: `${list.url}#${index}`,
          type: 'BitstringStatusListEntry' as const,
          statusPurpose: STATUS_PURPOSE,
          statusListIndex: String(index),
          statusListCredential: list.url,
        };
      })
      .immediate();
  }

  /** Gives back the index of a credential that was never issued (its signing or recording failed). */
  release(credentialId: string): void {
    this.db.prepare('DELETE FROM status_list_entries WHERE credential_id = ?').run(credentialId);
  }

  /**
   * Sets the credential's bit (revoked, or replaced by a re-issue). Call inside the transaction that
   * changes the award, so the list and the award never disagree. False when it has no entry (issued
   * before Assay kept status lists).
   */
  markRevoked(credentialId: string): boolean {
    const e = this.entryOf(credentialId);
    if (!e) return false;
    if (getBit(e.list.bits, e.index)) return true;
    this.db
      .prepare('UPDATE status_lists SET bits = ?, version = version + 1 WHERE id = ?')
      .run(Buffer.from(withBit(e.list.bits, e.index, true)), e.list.id);
    return true;
  }

  /** Whether the list's signed form shows its current bits. */
  static isCurrent(list: StatusListRow): boolean {
    return list.signedJson !== null && list.signedVersion === list.version;
  }

  /**
   * Re-signs every list of the signer's issuer whose signed form is older than its bits. A change
   * made while signing (by the app or the CLI) is caught by the version check and signed again.
   * Lists of other issuers (a retired identity's) cannot be signed here; they are returned as stale.
   */
  async publish(
    signers: StatusListSigner | readonly StatusListSigner[],
    now = new Date(),
  ): Promise<{ signed: string[]; stale: StatusListRow[] }> {
    const all: readonly StatusListSigner[] = 'issuerId' in signers ? [signers] : signers;
    const byIssuer = new Map(all.map((x) => [x.issuerId, x] as const));
    const signed: string[] = [];
    for (let round = 0; round < 5; round++) {
      const due = this.all().filter((l) => byIssuer.has(l.issuerId) && !StatusLists.isCurrent(l));
      if (due.length === 0) break;
      for (const list of due) {
        const credential = await signStatusList(list.url, list.bits, byIssuer.get(list.issuerId)!, now);
        const stored = this.db
          .prepare(
            'UPDATE status_lists SET signed_json = ?, signed_version = ?, signed_at = ? WHERE id = ? AND version = ?',
          )
          .run(JSON.stringify(credential, null, 2), list.version, now.toISOString(), list.id, list.version).changes;
        if (stored) signed.push(list.url);
      }
    }
    return { signed: [...new Set(signed)], stale: this.all().filter((l) => !StatusLists.isCurrent(l)) };
  }

  private listFor(issuerId: string, place: StatusListPlace, now: Date): StatusListRow {
    if (place.configured) {
      const { url, source } = place.configured;
      if (!HTTPS_URL.test(url))
        throw new StatusListError(`The status list URL "${url}" (${source}) must be an https URL without a #fragment.`);
      const list = this.byUrl(url);
      if (list && list.issuerId !== issuerId)
        throw new StatusListError(
          `The status list at ${url} (${source}) belongs to the issuer ${list.issuerId}; credentials of ${issuerId} need a list of their own. Set another status list URL.`,
        );
      if (list && list.entries >= list.size)
        throw new StatusListError(
          `The status list at ${url} (${source}) is full (${list.size} credentials). Set another status list URL.`,
        );
      return list ?? this.create(url, issuerId, now);
    }
    const base = place.issuerUrl?.replace(/\/+$/, '');
    if (base !== undefined && HTTPS_URL.test(base)) {
      for (let n = 1; ; n++) {
        const url = `${base}/status/${n}`;
        const list = this.byUrl(url);
        if (!list) return this.create(url, issuerId, now);
        if (list.issuerId === issuerId && list.entries < list.size) return list;
      }
    }
    // No web address at all: a list only this store can answer for, until one is set.
    const own = this.all().find((l) => l.issuerId === issuerId && l.url.startsWith('urn:uuid:') && l.entries < l.size);
    return own ?? this.create(`urn:uuid:${randomUUID()}`, issuerId, now);
  }

  private create(url: string, issuerId: string, now: Date): StatusListRow {
    this.db
      .prepare('INSERT INTO status_lists (url, issuer_id, size, bits, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(url, issuerId, STATUS_LIST_LENGTH, Buffer.from(emptyBitstring()), now.toISOString());
    return this.byUrl(url)!;
  }

  /** Uniform among the free indices, for a list the random tries kept missing. */
  private randomFree(list: StatusListRow): number {
    const taken = new Set(
      this.db.prepare('SELECT idx FROM status_list_entries WHERE list_id = ?').pluck().all(list.id) as number[],
    );
    const free = list.size - taken.size;
    if (free <= 0) throw new StatusListError(`The status list at ${list.url} is full (${list.size} credentials).`);
    let k = randomInt(free);
    for (let i = 0; i < list.size; i++) if (!taken.has(i) && k-- === 0) return i;
    throw new StatusListError(`The status list at ${list.url} has no free index.`);
  }
}
