// Revocation that reaches every verifier: Assay's status lists checked by Digital Bazaar's
// vc-bitstring-status-list (a verifier we did not write), given only an offline document loader.
import { generateKeyPairSync } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awards, badgeSigner } from '../../../electron/awards/awards.js';
import {
  createDocumentLoader,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  type DocumentLoader,
} from '../../../electron/awards/credential/index.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../../electron/awards/identity/index.js';
import {
  checkStatusListCredential,
  decodeBitstring,
  encodeBitstring,
  getBit,
  signStatusList,
  STATUS_LIST_LENGTH,
  StatusLists,
} from '../../../electron/awards/status-list/index.js';
import { type Services } from '../../../electron/services.js';
import { passOne, sampleStore, type SampleStore } from '../../support/sample-store.js';

const LIST_URL = 'https://pd.riverside.example.edu/status/1';
let store: SampleStore;
let s: Services;
let identity: SigningIdentity;
let awards: Awards;

const pass = (search?: string) => passOne(s, search);

/** Our offline loader (contexts, did:key) plus the hosted list, as a web server would give it. */
function loaderServing(list: () => object): DocumentLoader {
  const base = createDocumentLoader();
  return async (url: string) =>
    url === LIST_URL ? { contextUrl: null, documentUrl: url, document: list() } : base(url);
}

const signedList = () => JSON.parse(new StatusLists(s.db).byUrl(LIST_URL)!.signedJson!) as Record<string, unknown>;
const suite = () => new DataIntegrityProof({ cryptosuite });

beforeAll(async () => {
  store = await sampleStore();
  ({ s } = store);
  identity = await generateSelfSignedIdentity({
    name: 'Riverside University School of Education',
    url: 'https://pd.riverside.example.edu',
  });
  awards = new Awards(s.db);
});
afterAll(() => store.dispose());

describe('revocation by W3C Bitstring Status List', () => {
  let fresh: Record<string, unknown>;
  let revokedId: string;

  it("every new credential names its place in the issuer's list, and the signed list has 131,072 entries and no validUntil", async () => {
    const award = await awards.issue(pass('Łukasiewicz'), identity);
    fresh = JSON.parse(award.credentialJson);
    const status = fresh['credentialStatus'] as Record<string, string>;
    expect(status).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: LIST_URL,
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    expect(status['id']).toBe(`${LIST_URL}#${status['statusListIndex']}`);
    const list = signedList();
    expect(list).toMatchObject({
      id: LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: fresh['issuer'] && (fresh['issuer'] as { id: string }).id,
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(list).not.toHaveProperty('validUntil');
    const bits = decodeBitstring((list['credentialSubject'] as { encodedList: string }).encodedList);
    expect(bits.length * 8).toBe(STATUS_LIST_LENGTH);
  });

  it("Digital Bazaar's checker finds a fresh credential not revoked", async () => {
    const r = await checkStatus({ credential: fresh, documentLoader: loaderServing(signedList), suite: suite() });
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({ verified: true, results: [{ verified: true, status: false }] });
  });

  it('a revoked credential is revoked in the re-signed list, for Digital Bazaar and for Assay', async () => {
    const award = await awards.issue(pass('Ánh'), identity);
    revokedId = award.credentialId;
    const before = new StatusLists(s.db).byUrl(LIST_URL)!;
    const { stale } = await awards.revokeAndPublish(revokedId, "Evidence was not the teacher's own.", identity);
    expect(stale).toEqual([]);
    const after = new StatusLists(s.db).byUrl(LIST_URL)!;
    expect(after.version).toBe(before.version + 1);
    expect(StatusLists.isCurrent(after)).toBe(true);
    const credential = JSON.parse(award.credentialJson);
    const r = await checkStatus({ credential, documentLoader: loaderServing(signedList), suite: suite() });
    expect(r).toMatchObject({ verified: true, results: [{ verified: true, status: true }] });
    // The earlier award is untouched.
    const f = await checkStatus({ credential: fresh, documentLoader: loaderServing(signedList), suite: suite() });
    expect(f).toMatchObject({ results: [{ status: false }] });
  });

  it("a re-issue sets the replaced credential's bit and gives the new one another random index", async () => {
    const first = await awards.issue(pass(), identity);
    const fixed = await awards.reissue(first.credentialId, identity, { earnerName: 'Mohammed Al-Ahmad' });
    const lists = new StatusLists(s.db);
    const old = lists.entryOf(first.credentialId)!;
    const now = lists.entryOf(fixed.credentialId)!;
    expect(old.index).not.toBe(now.index);
    const bits = decodeBitstring((signedList()['credentialSubject'] as { encodedList: string }).encodedList);
    expect(getBit(bits, old.index)).toBe(true);
    expect(getBit(bits, now.index)).toBe(false);
  });

  it('a list signed by another key fails, for Digital Bazaar (another issuer) and for Assay (even under our issuer id)', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const mallory = {
      issuerId: didKeyFromPublicKey(privateKey),
      verificationMethod: didKeyVerificationMethod(privateKey),
      privateKey,
    };
    const forged = await signStatusList(
      LIST_URL,
      decodeBitstring((signedList()['credentialSubject'] as { encodedList: string }).encodedList),
      mallory,
    );
    const r = await checkStatus({ credential: fresh, documentLoader: loaderServing(() => forged), suite: suite() });
    expect(r.verified).toBe(false);
    expect(String(r.error?.message)).toMatch(
      /Issuers of the status list credential and verifiable credential do not match/,
    );

    // The same list claiming our issuer id but signed with Mallory's key: Assay refuses it.
    const ourId = badgeSigner(identity).issuerId;
    const claiming = await signStatusList(LIST_URL, new Uint8Array(STATUS_LIST_LENGTH / 8), {
      ...mallory,
      issuerId: ourId,
    });
    const ours = await checkStatusListCredential(claiming, { url: LIST_URL, issuerId: ourId, purpose: 'revocation' });
    expect(ours).toMatchObject({ ok: false, reason: expect.stringMatching(/not by the credential's issuer/) });

    // A list whose bits were changed after signing (the revoked award's bit cleared): both refuse it.
    const tampered = signedList();
    (tampered['credentialSubject'] as { encodedList: string }).encodedList = encodeBitstring(
      new Uint8Array(STATUS_LIST_LENGTH / 8),
    );
    const t = await checkStatus({ credential: fresh, documentLoader: loaderServing(() => tampered), suite: suite() });
    expect(t.verified).toBe(false);
    expect(
      await checkStatusListCredential(tampered, { url: LIST_URL, issuerId: ourId, purpose: 'revocation' }),
    ).toMatchObject({ ok: false });
  });

  it('indices are random among the free ones, never given twice, and given back when nothing is issued', () => {
    const lists = new StatusLists(s.db);
    const issuerId = badgeSigner(identity).issuerId;
    const place = { issuerUrl: 'https://pd.riverside.example.edu' };
    const indices = Array.from({ length: 200 }, (_, i) =>
      Number(lists.reserve(`urn:uuid:test-${i}`, issuerId, place).statusListIndex),
    );
    expect(new Set(indices).size).toBe(200);
    // Not handed out in order: sorted order differs, and the spread covers the list.
    expect(indices).not.toEqual([...indices].sort((a, b) => a - b));
    expect(Math.max(...indices) - Math.min(...indices)).toBeGreaterThan(STATUS_LIST_LENGTH / 2);
    lists.release('urn:uuid:test-0');
    expect(lists.entryOf('urn:uuid:test-0')).toBeUndefined();
    for (let i = 1; i < 200; i++) lists.release(`urn:uuid:test-${i}`);
  });

  it("a configured URL that another issuer's list holds is refused, naming both", async () => {
    const other = await generateSelfSignedIdentity({ name: 'Another University' });
    const lists = new StatusLists(s.db);
    expect(() =>
      lists.reserve('urn:uuid:x', badgeSigner(other).issuerId, {
        configured: { url: LIST_URL, source: 'the statusListUrl setting' },
      }),
    ).toThrow(/belongs to the issuer did:key:.*Set another status list URL/);
    // Without a configured URL, the other issuer gets the next list at the same web address.
    const entry = lists.reserve('urn:uuid:y', badgeSigner(other).issuerId, {
      issuerUrl: 'https://pd.riverside.example.edu/',
    });
    expect(entry.statusListCredential).toBe('https://pd.riverside.example.edu/status/2');
    lists.release('urn:uuid:y');
  });
});
