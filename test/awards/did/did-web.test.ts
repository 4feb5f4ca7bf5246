// did:web end to end: a package naming the issuing body's DID, awards issued under it through the real
// `assay` commands, the exported did.json served (offline) at the URL the README tells the issuing body
// to use, and Digital Bazaar's verifier (not ours) checking the credential against it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awards } from '../../../electron/awards/awards.js';
import {
  MULTIKEY_V1_CONTEXT,
  defaultDocumentLoader,
  type RemoteDocument,
} from '../../../electron/awards/credential/document-loader.js';
import { didDocumentAnchor, didWebDocumentUrl, type DidDocument } from '../../../electron/awards/did/index.js';
import { verifyAwardFile } from '../../../electron/awards/verify-award.js';
import { readIdentityCertificatePem, pemToDerChain } from '../../../electron/awards/identity/index.js';
import { openServices } from '../../../electron/services.js';
import { tempDir } from '../../support/package-builder.js';
import { assay } from '../../support/issuer-store.js';
import { RIVERSIDE_DID, assayOk, issuingStore as issuing, packageWithDid } from '../../support/did-web-store.js';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';

const DID = RIVERSIDE_DID;
let work: string;

const ok = assayOk;

/** A data folder that imported a package (with `did` or not), scored one pass and issued its award. */
async function issuingStore(label: string, did: string | undefined): Promise<{ dataDir: string; credential: Cred }> {
  const { dataDir, credentials } = await issuing(work, label, did);
  return { dataDir, credential: credentials[0] as unknown as Cred };
}

interface Cred {
  issuer: { id: string };
  proof: { verificationMethod: string }[];
  [k: string]: unknown;
}

/**
 * A document loader as a wallet's did:web resolver behaves, without the network: a did:web DID is fetched
 * from the https URL the did:web spec maps it to, which here is whatever `hosted` puts there.
 */
function webLoader(hosted: ReadonlyMap<string, object>) {
  return async (url: string): Promise<RemoteDocument> => {
    if (!url.startsWith('did:web:')) {
      // The status list the issuing body hosts at its URL; contexts from the offline loader.
      const served = hosted.get(url);
      return served ? { contextUrl: null, documentUrl: url, document: served } : defaultDocumentLoader(url);
    }
    const [did, fragment] = url.split('#') as [string, string | undefined];
    const doc = hosted.get(didWebDocumentUrl(did)) as DidDocument | undefined;
    if (!doc || doc.id !== did) throw new Error(`${url}: nothing is published at ${didWebDocumentUrl(did)}`);
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: doc };
    const vm = doc.verificationMethod.find((m) => m.id === url);
    if (!vm) throw new Error(`${url}: the DID document has no such key`);
    return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY_V1_CONTEXT, ...vm } };
  };
}

/** Digital Bazaar's verifier as a wallet runs it: the proof through did:web, and the revocation status list. */
function dbVerify(credential: object, hosted: ReadonlyMap<string, object>) {
  const withList = new Map<string, object>([...hosted, ...statusListHosted]);
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: webLoader(withList),
    // vc passes { credential, documentLoader, … } (typed loosely as object in its declarations).
    checkStatus: (options: object) =>
      checkStatus({
        ...(options as Omit<Parameters<typeof checkStatus>[0], 'suite'>),
        suite: new DataIntegrityProof({ cryptosuite }),
      }),
  }) as Promise<{ verified: boolean; error?: unknown }>;
}

/** The signed status list `assay status-list export` wrote, at the URL the credentials name. */
let statusListHosted: ReadonlyMap<string, object> = new Map();

let store: { dataDir: string; credential: Cred };
let didJson: DidDocument;
let exportOut: string;

beforeAll(async () => {
  work = tempDir();
  store = await issuingStore('riverside', DID);
  const out = path.join(work, 'publish');
  exportOut = await ok(store.dataDir, ['identity', 'export-did', '--out', out]);
  didJson = JSON.parse(fs.readFileSync(path.join(out, 'did.json'), 'utf8')) as DidDocument;
  const listFile = path.join(out, 'status-1.json');
  await ok(store.dataDir, ['status-list', 'export', '--out', listFile]);
  const listUrl = (store.credential.credentialStatus as { statusListCredential: string }).statusListCredential;
  statusListHosted = new Map([[listUrl, JSON.parse(fs.readFileSync(listFile, 'utf8')) as object]]);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('awards under the issuing body’s did:web', () => {
  it('name the DID as issuer and sign with <did>#<Multikey>, which did.json lists for assertions', () => {
    expect(store.credential.issuer.id).toBe(DID);
    const vm = store.credential.proof[0]!.verificationMethod;
    expect(vm).toMatch(/^did:web:pd\.riverside\.example\.edu#z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(didJson.id).toBe(DID);
    expect(didJson.assertionMethod).toEqual([vm]);
    expect(didJson.verificationMethod[0]).toEqual({
      id: vm,
      type: 'Multikey',
      controller: DID,
      publicKeyMultibase: vm.split('#')[1],
    });
    expect(didJson['@context'][0]).toBe('https://www.w3.org/ns/did/v1');
    expect(exportOut).toContain('https://pd.riverside.example.edu/.well-known/did.json');
  });

  it('did.json carries the signing certificate as a JWK whose x5c is the stored chain and whose key is the certificate’s', () => {
    const jwkMethod = didJson.verificationMethod.find((m) => m.type === 'JsonWebKey2020');
    if (!jwkMethod) throw new Error('no JsonWebKey2020 in did.json');
    const chain = pemToDerChain(readIdentityCertificatePem(store.dataDir)!);
    expect(jwkMethod.publicKeyJwk.x5c).toEqual(chain.map((c) => c.toString('base64')));
    const fromJwk = crypto.createPublicKey({ key: jwkMethod.publicKeyJwk, format: 'jwk' });
    const fromCert = new crypto.X509Certificate(chain[0]!).publicKey;
    expect(fromJwk.export({ type: 'spki', format: 'der' })).toEqual(fromCert.export({ type: 'spki', format: 'der' }));
    expect(jwkMethod.controller).toBe(DID);
    // It signs PDFs and results packages, never credentials: not an assertion key.
    expect(didJson.assertionMethod).not.toContain(jwkMethod.id);
  });

  it('Digital Bazaar’s verifier accepts the credential with did.json hosted where the README says, and only then', async () => {
    const hosted = new Map([['https://pd.riverside.example.edu/.well-known/did.json', didJson]]);
    const good = await dbVerify(store.credential, hosted);
    expect(good.error).toBeUndefined();
    expect(good.verified).toBe(true);
    // Hosted at the wrong place (a path-based URL), the DID resolves to nothing.
    const misplaced = await dbVerify(
      store.credential,
      new Map([['https://pd.riverside.example.edu/did.json', didJson]]),
    );
    expect(misplaced.verified).toBe(false);
  });

  it('a credential signed by another key under the same DID and name fails against the published did.json', async () => {
    const impostor = await issuingStore('impostor', DID);
    expect(impostor.credential.issuer.id).toBe(DID);
    const hosted = new Map([['https://pd.riverside.example.edu/.well-known/did.json', didJson]]);
    expect((await dbVerify(impostor.credential, hosted)).verified).toBe(false);
  });

  it('assay verify accepts its own did:web award offline and says a third party can check it', async () => {
    const file = path.join(work, 'riverside.json');
    fs.writeFileSync(file, JSON.stringify(store.credential));
    const r = await assay(store.dataDir, ['verify', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note  third-party verification: issued as ${DID}`);
    const s = openServices(store.dataDir);
    try {
      const [award] = new Awards(s.db).list();
      expect(award!.issuer.thirdPartyVerifiable).toBe(true);
      expect(award!.issuerId).toBe(DID);
    } finally {
      s.close();
    }
  });
});

describe('a did.json as the trust anchor of a verifier with no store of its own', () => {
  it('makes the issuing body’s award genuine, and an impostor’s under the same DID not', async () => {
    const anchor = didDocumentAnchor(didJson, 'did.json from pd.riverside.example.edu');
    const ctx = { trust: { issuers: [], anchors: [anchor] }, knownKeys: anchor.knownKeys };
    const file = path.join(work, 'anchored.json');
    fs.writeFileSync(file, JSON.stringify(store.credential));
    const genuine = await verifyAwardFile(file, ctx);
    expect(genuine.reason).toBeUndefined();
    expect(genuine.status).toBe('valid');
    expect(genuine.checks.find((c) => c.name === 'credential issuer')?.detail).toContain(
      'did.json from pd.riverside.example.edu of did:web:pd.riverside.example.edu',
    );
    // Without the anchor the same file is not genuine: nothing vouches for the key.
    expect((await verifyAwardFile(file, {})).valid).toBe(false);
    const impostor = await issuingStore('impostor-2', DID);
    fs.writeFileSync(file, JSON.stringify(impostor.credential));
    const forged = await verifyAwardFile(file, ctx);
    expect(forged.valid).toBe(false);
  });
});

describe('awards without issuer.did', () => {
  it('fall back to did:key, and both the award record and assay verify say no third party can tie them to the institution', async () => {
    const plain = await issuingStore('plain', undefined);
    expect(plain.credential.issuer.id).toMatch(/^did:key:z6Mk/);
    const file = path.join(work, 'plain.json');
    fs.writeFileSync(file, JSON.stringify(plain.credential));
    const r = await assay(plain.dataDir, ['verify', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /note {2}third-party verification: .*a third party cannot tie this award to the institution/,
    );
    const s = openServices(plain.dataDir);
    try {
      const [award] = new Awards(s.db).list();
      expect(award!.issuer).toMatchObject({ thirdPartyVerifiable: false, reason: expect.stringContaining('did:key') });
    } finally {
      s.close();
    }
    // And there is no DID to export for.
    const exported = await assay(plain.dataDir, ['identity', 'export-did', '--out', path.join(work, 'none')]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/names the issuing body’s DID \(issuer\.did/);
  });
});

describe('a package whose issuer.did is not a did:web', () => {
  it.each([
    ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', /uses the method "key"/],
    ['did:web:PD.example.edu', /lower case/],
    ['did:web:192.168.1.10', /IP address/],
    ['https://pd.example.edu', /starts with "did:"/],
  ])('is refused at import, naming issuer.did: %s', async (did, why) => {
    const dataDir = path.join(work, `bad-${crypto.randomUUID()}`);
    const r = await assay(dataDir, ['import', await packageWithDid(work, `bad-${crypto.randomUUID()}`, did)]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('issuer.did');
    expect(r.stderr).toMatch(why);
  });
});
