// The Learner Credential Wallet's own verifier (@digitalcredentials/verifier-core, also behind
// VerifierPlus) as the outside oracle: Assay's did:web awards, with the did.json and the signed status
// list the issuing body hosts served by a tiny web server on 127.0.0.1.
//
// verifier-core has no loader hook, so the test routes its fetches (see test/support/hosted-web.ts).
import fs from 'node:fs';
import path from 'node:path';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIVERSIDE_DID, assayOk, issuingStore, published, type IssuedCredential } from '../../support/did-web-store.js';
import { tempDir } from '../../support/package-builder.js';
import { itWithStandards } from '../../support/standards.js';
import { hostedWeb, OB3_SCHEMA_URL, type HostedWeb } from '../../support/hosted-web.js';

const HOST = 'pd.riverside.example.edu';
/** A domain that resolves (to the local server) but where the issuing body never published did.json. */
const UNPUBLISHED_HOST = 'pd.unpublished.example.edu';

let work: string;
let web: HostedWeb;

let fresh: IssuedCredential;
let revoked: IssuedCredential;
let impostor: IssuedCredential;
let unpublished: IssuedCredential;

beforeAll(async () => {
  work = tempDir();
  web = await hostedWeb([HOST, UNPUBLISHED_HOST]);
  const { hosted } = web;

  const riverside = await issuingStore(work, 'riverside', RIVERSIDE_DID, 2);
  [fresh, revoked] = riverside.credentials as [IssuedCredential, IssuedCredential];
  await assayOk(riverside.dataDir, ['awards', 'revoke', revoked.id, '--reason', 'Evidence found to be plagiarised']);
  const { didJson, statusList } = await published(riverside.dataDir, path.join(work, 'publish'));
  // Where the README tells the issuing body to put them.
  hosted.set(`https://${HOST}/.well-known/did.json`, didJson);
  const listUrl = fresh.credentialStatus!.statusListCredential;
  expect(new URL(listUrl).host).toBe(HOST);
  hosted.set(listUrl, statusList);
  impostor = (await issuingStore(work, 'impostor', RIVERSIDE_DID)).credentials[0]!;
  unpublished = (await issuingStore(work, 'unpublished', `did:web:${UNPUBLISHED_HOST}`)).credentials[0]!;
});

afterAll(async () => {
  await web.close();
  fs.rmSync(work, { recursive: true, force: true });
});

interface Result {
  errors?: { name: string; message: string }[];
  log?: { id: string; valid?: boolean; error?: { name: string; message: string } }[];
  additionalInformation?: { id: string; results: unknown }[];
}

async function verify(credential: IssuedCredential): Promise<Result> {
  return (await verifyCredential({
    credential: credential as unknown as Parameters<typeof verifyCredential>[0]['credential'],
    knownDIDRegistries: [],
  })) as Result;
}

const step = (r: Result, id: string) => r.log?.find((e) => e.id === id);

describe('the Learner Credential Wallet’s verifier (verifier-core) on did:web awards', () => {
  it('finds a fresh award validly signed, not revoked and not expired, having fetched did.json and the status list', async () => {
    web.requests.length = 0;
    const r = await verify(fresh);
    expect(r.errors).toBeUndefined();
    expect(step(r, 'valid_signature')).toMatchObject({ valid: true });
    expect(step(r, 'revocation_status')).toMatchObject({ valid: true });
    expect(step(r, 'expiration')).toMatchObject({ valid: true });
    const served = web.requests.filter((q) => q.served).map((q) => q.url);
    expect(served).toContain(`https://${HOST}/.well-known/did.json`);
    expect(served).toContain(fresh.credentialStatus!.statusListCredential);
    // Nothing it needed went elsewhere (the schema is fetched only as additional information).
    expect(web.requests.filter((q) => !q.served && q.url !== OB3_SCHEMA_URL)).toEqual([]);
  });

  itWithStandards('and, as additional information, finds it valid against the official OB 3.0 schema', async () => {
    const r = await verify(fresh);
    const check = r.additionalInformation?.find((a) => a.id === 'schema_check');
    expect(check?.results).toEqual([expect.objectContaining({ schema: OB3_SCHEMA_URL, result: { valid: true } })]);
  });

  it('reports the revoked award revoked (its signature still valid) from the hosted list', async () => {
    const r = await verify(revoked);
    expect(r.errors).toBeUndefined();
    expect(step(r, 'valid_signature')).toMatchObject({ valid: true });
    expect(step(r, 'revocation_status')).toMatchObject({ valid: false });
  });

  it('refuses an award signed by another key under the same DID and issuer name', async () => {
    expect(impostor.issuer).toEqual(fresh.issuer);
    expect(impostor.proof[0]!.verificationMethod).not.toBe(fresh.proof[0]!.verificationMethod);
    const r = await verify(impostor);
    expect(step(r, 'valid_signature')).toBeUndefined();
    expect(r.errors?.map((e) => e.name)).toEqual(['invalid_signature']);
  });

  it('refuses a fresh award once its signed content changes', async () => {
    const tampered = structuredClone(fresh);
    (tampered['credentialSubject'] as { achievement: { name: string } }).achievement.name += '!';
    const r = await verify(tampered);
    expect(r.errors?.map((e) => e.name)).toEqual(['invalid_signature']);
  });

  it('cannot vouch for an award whose issuing body has not published did.json', async () => {
    web.requests.length = 0;
    const r = await verify(unpublished);
    expect(step(r, 'valid_signature')).toBeUndefined();
    expect(r.errors?.length).toBe(1);
    expect(web.requests).toContainEqual({ url: `https://${UNPUBLISHED_HOST}/.well-known/did.json`, served: true });
  });
});
