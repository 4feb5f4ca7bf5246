// `assay verify --did-document did.json`: a verifier with none of the issuer's data checks an award
// against the DID document the issuing body hosts (and the status list it hosts), through the real
// command: the key must be listed under assertionMethod of the issuer's DID, and the signature must
// check with the key the document gives.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DidDocument } from '../../../electron/awards/did/index.js';
import { assay } from '../../support/issuer-store.js';
import { RIVERSIDE_DID, assayOk, issuingStore, published, type IssuedCredential } from '../../support/did-web-store.js';
import { tempDir } from '../../support/package-builder.js';

let work: string;
/** A data folder of someone who only has the files: no identity, no awards, no lists. */
let outsider: string;
let riverside: { dataDir: string; credentials: IssuedCredential[] };
let hosted: { didJson: DidDocument; didFile: string; statusListFile: string };
let impostor: { dataDir: string; credentials: IssuedCredential[] };
let impostorDidFile: string;

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

beforeAll(async () => {
  work = tempDir();
  outsider = path.join(work, 'outsider-data');
  riverside = await issuingStore(work, 'riverside', RIVERSIDE_DID, 2);
  await assayOk(riverside.dataDir, [
    'awards',
    'revoke',
    riverside.credentials[1]!.id,
    '--reason',
    'Evidence found to be plagiarised',
  ]);
  hosted = await published(riverside.dataDir, path.join(work, 'publish'));
  impostor = await issuingStore(work, 'impostor', RIVERSIDE_DID);
  impostorDidFile = (await published(impostor.dataDir, path.join(work, 'impostor-publish'))).didFile;
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const vm = () => riverside.credentials[0]!.proof[0]!.verificationMethod;

describe('assay verify --did-document, by someone holding only the published files', () => {
  it('finds the award genuine: its key is listed under assertionMethod and the did.json vouches for it', async () => {
    const file = writeJson('fresh.json', riverside.credentials[0]);
    const r = await assay(outsider, [
      'verify',
      file,
      '--did-document',
      hosted.didFile,
      '--status-list',
      hosted.statusListFile,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `ok    DID document (did.json): lists ${vm()} under assertionMethod of ${RIVERSIDE_DID}`,
    );
    expect(r.stdout).toContain(`ok    credential proof: eddsa-rdfc-2022 by ${vm()}`);
    expect(r.stdout).toContain(`ok    credential issuer: vouched for by the DID document did.json of ${RIVERSIDE_DID}`);
    expect(r.stdout).toMatch(/ok {4}revocation status \(status list\): not revoked according to status-1\.json/);
    expect(r.stdout).toContain('VALID: fresh.json is a genuine award');
  });

  it('without the did.json the same outsider cannot check it at all', async () => {
    const r = await assay(outsider, ['verify', writeJson('fresh-alone.json', riverside.credentials[0])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^UNVERIFIABLE: credential proof: cannot be checked offline/);
  });

  it('reports the revoked award revoked by the hosted status list, whose signature the did.json key checks', async () => {
    const file = writeJson('revoked.json', riverside.credentials[1]);
    const r = await assay(outsider, [
      'verify',
      file,
      '--did-document',
      hosted.didFile,
      '--status-list',
      hosted.statusListFile,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok    credential proof');
    expect(r.stderr).toMatch(/^NOT VALID: revocation status \(status list\): REVOKED according to status-1\.json/);
  });

  it('refuses an award signed by another key under the same DID and name: did.json does not list it', async () => {
    const forged = impostor.credentials[0]!;
    expect(forged.issuer).toEqual(riverside.credentials[0]!.issuer);
    const r = await assay(outsider, ['verify', writeJson('forged.json', forged), '--did-document', hosted.didFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `NOT VALID: DID document (did.json): does not list ${forged.proof[0]!.verificationMethod}: that key is not ${RIVERSIDE_DID}'s, so a verifier resolving the DID refuses the signature\n`,
    );
  });

  it('tells the issuing body itself when the did.json it hosts is not the one that lists its key', async () => {
    // Its own award, trusted by its own data folder: the hosted document is what a third party sees.
    const file = writeJson('own.json', riverside.credentials[0]);
    expect((await assay(riverside.dataDir, ['verify', file])).code).toBe(0);
    const r = await assay(riverside.dataDir, ['verify', file, '--did-document', impostorDidFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`NOT VALID: DID document (did.json): does not list ${vm()}`);
  });

  it('refuses when the key is in did.json but not listed for assertions', async () => {
    const doc = structuredClone(hosted.didJson);
    doc.assertionMethod = [];
    const file = writeJson('no-assertion.did.json', doc);
    const r = await assay(outsider, [
      'verify',
      writeJson('fresh-2.json', riverside.credentials[0]),
      '--did-document',
      file,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lists ${vm()}, but not under assertionMethod`);
  });

  it('refuses a did.json of another DID than the credential’s issuer', async () => {
    const plain = await issuingStore(work, 'plain', undefined);
    const r = await assay(outsider, [
      'verify',
      writeJson('plain.json', plain.credentials[0]),
      '--did-document',
      hosted.didFile,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^NOT VALID: DID document \\(did\\.json\\): is the DID document of ${RIVERSIDE_DID}, but the credential's issuer is did:key:z6Mk`,
      ),
    );
  });

  it('vouches for the certificate PDF too: the did.json carries the signing certificate (x5c)', async () => {
    const out = path.join(work, 'pdf');
    await assayOk(riverside.dataDir, ['awards', 'export', '--out', out, '--format', 'pdf']);
    const [pdf] = fs.readdirSync(out).filter((f) => f.endsWith('.pdf'));
    const r = await assay(outsider, [
      'verify',
      path.join(out, pdf!),
      '--did-document',
      hosted.didFile,
      '--status-list',
      hosted.statusListFile,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `ok    signer certificate: vouched for by the DID document did.json of ${RIVERSIDE_DID}`,
    );
    expect(r.stdout).toContain('ok    DID document (did.json): lists');
  });

  it.each([
    ['not JSON', 'not json at all', /--did-document .*broken\.json is not JSON/],
    [
      'not a did:web document',
      JSON.stringify({ id: 'did:key:z6Mkabc' }),
      /The DID document broken\.json cannot be used: the DID document's id "did:key:z6Mkabc" is not a did:web DID/,
    ],
  ])('refuses a did.json that is %s, naming it', async (_what, text, message) => {
    const bad = path.join(work, 'broken.json');
    fs.writeFileSync(bad, text);
    const r = await assay(outsider, [
      'verify',
      writeJson('fresh-3.json', riverside.credentials[0]),
      '--did-document',
      bad,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
