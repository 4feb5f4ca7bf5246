import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { JsonValue } from '../../../electron/awards/credential/data-integrity.js';
import { verifyCredential, type JsonObject } from '../../../electron/awards/credential/index.js';
import { describeWithStandards, itWithStandards, standard } from '../../support/standards.js';

// 1EdTech's signed fixture, read from ../shared/standards, with only its proofPurpose changed.
const withPurpose = (purpose: JsonValue | undefined): JsonObject => {
  const file = standard('open-badges-3', 'validator-fixtures', 'simple-did-key-method.json');
  const credential = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as JsonObject & { proof: JsonObject[] };
  const [proof] = credential.proof;
  if (purpose === undefined) delete proof!['proofPurpose'];
  else proof!['proofPurpose'] = purpose;
  return credential;
};

describeWithStandards('a proof made for another purpose', () => {
  itWithStandards('names a string purpose as written', async () => {
    const result = await verifyCredential(withPurpose('authentication'));
    expect(result).toMatchObject({ verified: false, code: 'wrong-purpose' });
    if (!result.verified) expect(result.reason).toContain('has proofPurpose "authentication";');
  });

  itWithStandards('shows an object purpose as its JSON, not as "[object Object]"', async () => {
    const result = await verifyCredential(withPurpose({ id: 'assertionMethod' }));
    expect(result).toMatchObject({ verified: false, code: 'wrong-purpose' });
    if (!result.verified) {
      expect(result.reason).toContain('has proofPurpose {"id":"assertionMethod"};');
      expect(result.reason).not.toContain('[object Object]');
    }
  });

  itWithStandards('says a missing purpose is missing', async () => {
    const result = await verifyCredential(withPurpose(undefined));
    expect(result).toMatchObject({ verified: false, code: 'wrong-purpose' });
    if (!result.verified) expect(result.reason).toContain('has no proofPurpose;');
  });
});
