// did:web → URL (did:web Method Specification §3.2) and the syntax checks behind issuer.did.
import { describe, expect, it } from 'vitest';
import { didWebDocumentUrl, didWebProblem } from '../../shared/schemas/did-web.js';

describe('did:web → the URL of its did.json', () => {
  it.each([
    // The spec's own examples.
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
    ['did:web:example.com%3a8443', 'https://example.com:8443/.well-known/did.json'],
    ['did:web:pd.example.edu', 'https://pd.example.edu/.well-known/did.json'],
    ['did:web:example.edu:schools:education', 'https://example.edu/schools/education/did.json'],
    ['did:web:example.edu:caf%C3%A9', 'https://example.edu/caf%C3%A9/did.json'],
  ])('%s → %s', (did, url) => {
    expect(didWebProblem(did)).toBeUndefined();
    expect(didWebDocumentUrl(did)).toBe(url);
  });
});

describe('what is not a did:web', () => {
  it.each([
    ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', /method "key"/],
    ['pd.example.edu', /starts with "did:"/],
    ['did:web:', /domain name is missing/],
    ['did:web:Example.edu', /lower case/],
    ['did:web:localhost', /not a domain name/],
    ['did:web:10.0.0.1', /IP address/],
    ['did:web:-bad.example.edu', /not a domain name/],
    ['did:web:example.edu%3A70000', /port 70000 is out of range/],
    ['did:web:example.edu::alice', /empty path part/],
    ['did:web:example.edu:', /empty path part/],
    ['did:web:example.edu/alice', /may not contain "\/"/],
    ['did:web:example.edu#key-1', /may not contain/],
    ['did:web:example.edu:..', /not allowed/],
    ['did:web:example.edu:a%2', /not allowed/],
  ])('%s is refused', (did, why) => {
    expect(didWebProblem(did)).toMatch(why);
    expect(() => didWebDocumentUrl(did)).toThrow(why);
  });
});
