// A data folder issuing under the issuing body's did:web (or under a did:key when the package names no
// DID), through the real `assay` commands, and what it publishes: did.json and the signed status list.
import fs from 'node:fs';
import path from 'node:path';
import { Awards } from '../../electron/awards/awards.js';
import type { DidDocument } from '../../electron/awards/did/index.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices } from '../../electron/services.js';
import { assay, scoreSome } from './issuer-store.js';

export const RIVERSIDE_DID = 'did:web:pd.riverside.example.edu';

export interface IssuedCredential {
  id: string;
  issuer: { id: string; name?: string };
  proof: { verificationMethod: string }[];
  credentialStatus?: { statusListCredential: string; statusListIndex: string };
  [k: string]: unknown;
}

/** `assay ARGS…` on `dataDir`, throwing with its stderr unless it succeeds; answers stdout. */
export async function assayOk(dataDir: string, args: string[]): Promise<string> {
  const r = await assay(dataDir, args);
  if (r.code !== 0) throw new Error(`assay ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** The sample package under `work/label` with `issuer.did` set (or left out), and any other issuer fields. */
export async function packageWithDid(
  work: string,
  label: string,
  did: string | undefined,
  issuer: Record<string, unknown> = {},
): Promise<string> {
  const { dir } = await writeSamplePackage(path.join(work, label), { now: new Date('2026-11-20T09:00:00Z') });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { issuer: Record<string, unknown>; id: string };
  if (did !== undefined) manifest.issuer['did'] = did;
  Object.assign(manifest.issuer, issuer);
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}

/** A data folder that imported a package (with `did` or not; other `issuer` fields), scored `count` passes and issued their awards. */
export async function issuingStore(
  work: string,
  label: string,
  did: string | undefined,
  count = 1,
  issuer: Record<string, unknown> = {},
): Promise<{ dataDir: string; credentials: IssuedCredential[] }> {
  const dataDir = path.join(work, `${label}-data`);
  await assayOk(dataDir, ['import', await packageWithDid(work, `${label}-package`, did, issuer)]);
  scoreSome(dataDir, count, count);
  await assayOk(dataDir, ['identity', 'create', '--name', 'Riverside University School of Education']);
  await assayOk(dataDir, ['awards', 'issue', '--all']);
  const s = openServices(dataDir);
  try {
    const credentials = new Awards(s.db).list().map((a) => JSON.parse(a.credentialJson) as IssuedCredential);
    return { dataDir, credentials };
  } finally {
    s.close();
  }
}

/** What the issuing body hosts: did.json (`assay identity export-did`) and the status list (`assay status-list export`). */
export async function published(
  dataDir: string,
  out: string,
): Promise<{ didJson: DidDocument; statusList: object; didFile: string; statusListFile: string }> {
  await assayOk(dataDir, ['identity', 'export-did', '--out', out]);
  const didFile = path.join(out, 'did.json');
  const statusListFile = path.join(out, 'status-1.json');
  await assayOk(dataDir, ['status-list', 'export', '--out', statusListFile]);
  return {
    didJson: JSON.parse(fs.readFileSync(didFile, 'utf8')) as DidDocument,
    statusList: JSON.parse(fs.readFileSync(statusListFile, 'utf8')) as object,
    didFile,
    statusListFile,
  };
}
