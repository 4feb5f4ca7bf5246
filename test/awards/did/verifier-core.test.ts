// The Learner Credential Wallet's own verifier (@digitalcredentials/verifier-core, also behind
// VerifierPlus) as the outside oracle: Assay's did:web awards, with the did.json and the signed status
// list the issuing body hosts served by a tiny web server on 127.0.0.1.
//
// verifier-core builds its document loader when its module loads and offers no hook to replace it; its
// did:web resolver and status-list fetch go through the global fetch (ky). So the test stands where DNS
// would: requests for https://<issuing body's domain>/… go to the local server (same host and path),
// any other host is refused, so nothing reaches the network and every fetch is on the record.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIVERSIDE_DID, assayOk, issuingStore, published, type IssuedCredential } from '../../support/did-web-store.js';
import { tempDir } from '../../support/package-builder.js';
import { itWithStandards, standard, standardsPresent } from '../../support/standards.js';

const HOST = 'pd.riverside.example.edu';
/** A domain that resolves (to the local server) but where the issuing body never published did.json. */
const UNPUBLISHED_HOST = 'pd.unpublished.example.edu';
const SERVED_HOSTS = new Set([HOST, UNPUBLISHED_HOST]);
/** The schema verifier-core fetches for an OB 3.0 credential (additional information, never a verdict). */
const OB3_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

let work: string;
let server: http.Server;
let origin: string;
/** https URL → the JSON the issuing body hosts there. */
const hosted = new Map<string, object>();
/** Every URL verifier-core asked for, and whether it was answered. */
const requests: { url: string; served: boolean }[] = [];
const realFetch = globalThis.fetch;

function routedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.protocol === 'https:' && SERVED_HOSTS.has(url.host)) {
    requests.push({ url: request.url, served: true });
    const headers = new Headers(request.headers);
    headers.set('x-test-host', url.host);
    return realFetch(new Request(`${origin}${url.pathname}${url.search}`, { method: request.method, headers }));
  }
  if (request.url === OB3_SCHEMA_URL && standardsPresent) {
    requests.push({ url: request.url, served: true });
    const schema = fs.readFileSync(standard('open-badges-3', 'achievementcredential.schema.json'));
    return Promise.resolve(new Response(schema, { headers: { 'content-type': 'application/json' } }));
  }
  requests.push({ url: request.url, served: false });
  return Promise.reject(new TypeError(`fetch failed: no network in this test (${request.url})`));
}

let fresh: IssuedCredential;
let revoked: IssuedCredential;
let impostor: IssuedCredential;
let unpublished: IssuedCredential;

beforeAll(async () => {
  work = tempDir();
  server = http.createServer((req, res) => {
    const url = `https://${String(req.headers['x-test-host'])}${new URL(req.url ?? '/', 'http://x').pathname}`;
    const doc = hosted.get(url);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = routedFetch;

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
}, 120_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
    requests.length = 0;
    const r = await verify(fresh);
    expect(r.errors).toBeUndefined();
    expect(step(r, 'valid_signature')).toMatchObject({ valid: true });
    expect(step(r, 'revocation_status')).toMatchObject({ valid: true });
    expect(step(r, 'expiration')).toMatchObject({ valid: true });
    const served = requests.filter((q) => q.served).map((q) => q.url);
    expect(served).toContain(`https://${HOST}/.well-known/did.json`);
    expect(served).toContain(fresh.credentialStatus!.statusListCredential);
    // Nothing it needed went elsewhere (the schema is fetched only as additional information).
    expect(requests.filter((q) => !q.served && q.url !== OB3_SCHEMA_URL)).toEqual([]);
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
    requests.length = 0;
    const r = await verify(unpublished);
    expect(step(r, 'valid_signature')).toBeUndefined();
    expect(r.errors?.length).toBe(1);
    expect(requests).toContainEqual({ url: `https://${UNPUBLISHED_HOST}/.well-known/did.json`, served: true });
  });
});
