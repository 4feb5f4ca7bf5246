// Writes the signed BitstringStatusListCredential the issuing body hosts at its URL.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/db.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import type { StatusListSigner } from './credential.js';
import { StatusListError, StatusLists, type StatusListRow } from './store.js';

/** The list to export: the one named, or the only one; several without a name is a question to ask. */
export function pickStatusList(db: Db, url?: string): StatusListRow {
  const lists = new StatusLists(db);
  if (url !== undefined) {
    const list = lists.byUrl(url);
    if (!list)
      throw new StatusListError(`This data folder keeps no status list at ${url}; it keeps ${describe(lists.all())}.`);
    return list;
  }
  const all = lists.all();
  if (all.length === 0)
    throw new StatusListError('This data folder has no status list yet: one is made when the first award is issued.');
  if (all.length > 1)
    throw new StatusListError(`This data folder keeps several status lists; name one with --url: ${describe(all)}.`);
  return all[0]!;
}

function describe(lists: readonly StatusListRow[]): string {
  return lists.length ? lists.map((l) => l.url).join(', ') : 'none';
}

/** True when the list changed since it was last signed (exporting it then needs the issuer key). */
export function needsSigning(list: StatusListRow): boolean {
  return !StatusLists.isCurrent(list);
}

/**
 * Writes the list's signed credential to `outFile` (whole or not at all), re-signing it first when it
 * changed since. A list whose issuer is not the signer's (a retired identity's) is refused when stale:
 * publishing an old signature would tell verifiers that revoked awards are in force.
 */
export async function exportStatusList(
  db: Db,
  outFile: string,
  options: { url?: string; signer?: StatusListSigner; now?: Date } = {},
): Promise<{ url: string; bytes: number; entries: number; revoked: number }> {
  let list = pickStatusList(db, options.url);
  if (needsSigning(list)) {
    if (!options.signer || options.signer.issuerId !== list.issuerId)
      throw new StatusListError(
        `The status list ${list.url} changed since it was last signed, and only its issuer ${list.issuerId} can sign it${options.signer ? ' (the current identity is another issuer)' : ''}; nothing was written.`,
      );
    await new StatusLists(db).publish(options.signer, options.now);
    list = pickStatusList(db, list.url);
    if (needsSigning(list))
      throw new StatusListError(`The status list ${list.url} kept changing while it was signed; try again.`);
  }
  const target = path.resolve(outFile);
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new StatusListError(`${outFile} is not a regular file; nothing was written.`);
  const bytes = Buffer.from(`${list.signedJson!}\n`);
  // Public by nature: the issuing body serves it to anyone.
  writeFileAtomic(target, bytes, { mode: 0o644 });
  return { url: list.url, bytes: bytes.length, entries: list.entries, revoked: countOnes(list.bits) };
}

function countOnes(bits: Uint8Array): number {
  let n = 0;
  for (const b of bits) for (let x = b; x; x &= x - 1) n++;
  return n;
}
