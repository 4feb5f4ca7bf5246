// Who can verify an award, judged from its credential: the issuer's did:web and a status list at an
// https URL make it verifiable by anyone; a did:key, or revocation kept only in this data folder, do not.
import { describe, expect, it } from 'vitest';
import { issuerVerifiability } from '../../../electron/awards/did/index.js';

const DID = 'did:web:pd.riverside.example.edu';
const LIST = 'https://pd.riverside.example.edu/status/1';

describe('issuerVerifiability', () => {
  it('did:web with a hosted status list: anyone, naming both', () => {
    expect(issuerVerifiability(DID, { statusListUrl: LIST })).toEqual({
      thirdPartyVerifiable: true,
      basis: 'did-web',
      did: DID,
      statusListUrl: LIST,
      reason: `issued as ${DID}: anyone can check it against the issuing body's published did.json and its revocation status against the status list at ${LIST}`,
    });
  });

  it.each([
    [
      'a status list with no web address',
      'urn:uuid:8d0c7f0e-3c2f-4d8e-9a57-0f1f2b3c4d5e',
      /status list urn:uuid:.* has no web address/,
    ],
    ['no status list at all', null, /names no revocation status list \(issued before Assay kept them\)/],
    ['an http status list', 'http://pd.riverside.example.edu/status/1', /has no web address/],
  ])('did:web with %s: only this data folder knows about revocation', (_what, url, why) => {
    const r = issuerVerifiability(DID, { statusListUrl: url });
    expect(r).toMatchObject({ thirdPartyVerifiable: false, basis: 'no-hosted-status', did: DID });
    expect(r.reason).toMatch(why);
    expect(r.reason).toContain('only this data folder knows whether it was revoked');
  });

  it('did:key: nobody outside can tie it to the institution, whatever its status list', () => {
    const r = issuerVerifiability('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', {
      statusListUrl: LIST,
    });
    expect(r).toMatchObject({ thirdPartyVerifiable: false, basis: 'did-key' });
    expect(r.reason).toContain('a third party cannot tie this award to the institution');
  });

  it('anything else, or no issuer', () => {
    expect(issuerVerifiability('https://pd.example.edu/issuer').basis).toBe('unknown-issuer');
    expect(issuerVerifiability(null).thirdPartyVerifiable).toBe(false);
  });
});
