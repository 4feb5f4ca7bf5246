// Awards a third party verifies: the size of a did:web credential (a long earner name in many scripts),
// the size of the signed Bitstring Status List (131,072 entries) the issuing body hosts, and the time
// the Learner Credential Wallet's verifier (verifier-core) takes per credential, with did.json and the
// list served from 127.0.0.1 (test/support/hosted-web.ts; no network).
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import { Awards } from '../../electron/awards/awards.js';
import { encodeBitstring, emptyBitstring, STATUS_LIST_LENGTH } from '../../electron/awards/status-list/bitstring.js';
import { openServices } from '../../electron/services.js';
import { RIVERSIDE_DID, assayOk, published, type IssuedCredential } from '../support/did-web-store.js';
import { hostedWeb } from '../support/hosted-web.js';
import { scoreSome } from '../support/issuer-store.js';
import { manifest, submission, writePackage } from '../support/package-builder.js';
import { standardsPresent } from '../support/standards.js';
import { fmtMs, heading, line, nowMs, percentile } from './stats.js';

const ROUNDS = Number(process.env.BENCH_TRUST_ROUNDS ?? 25);
const HOST = 'pd.riverside.example.edu';
/** A long name in Latin with diacritics, Greek, Cyrillic, Arabic, Hebrew, Korean, Chinese and Vietnamese. */
export const LONG_NAME =
  'Zoë-Adélaïde Łukasiewicz-Ørsted Αλεξάνδρα Παπαδοπούλου Александра Иванова-Петрова محمد الأحمد דוד בן־גוריון 김민준 王小明 Nguyễn Thị Minh Khai';

type VerifierCredential = Parameters<typeof verifyCredential>[0]['credential'];
interface Result {
  errors?: { name: string }[];
  log?: { id: string; valid?: boolean }[];
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export async function benchTrust(work: string): Promise<void> {
  heading('Awards a third party verifies (did:web, Bitstring Status List, verifier-core)');
  const dataDir = path.join(work, 'trust-data');
  const pkg = path.join(work, 'trust-pkg');
  const m = manifest({
    issuer: {
      id: 'https://pd.riverside.example.edu/issuer',
      name: 'Riverside University School of Education',
      url: `https://${HOST}`,
      email: 'credentials@pd.riverside.example.edu',
      did: RIVERSIDE_DID,
    },
    submissions: [0, 1, 2].map((n) =>
      submission(n, undefined, {
        earner: {
          id: `mailto:teacher${n}@school.example`,
          name: n === 0 ? LONG_NAME : `Teacher ${n}`,
          email: `teacher${n}@school.example`,
        },
      }),
    ),
  });
  writePackage(pkg, m, []);
  await assayOk(dataDir, ['import', pkg]);
  scoreSome(dataDir, 3, 3);
  await assayOk(dataDir, ['identity', 'create', '--name', 'Riverside University School of Education']);
  await assayOk(dataDir, ['awards', 'issue', '--all']);
  const s = openServices(dataDir);
  let awards;
  try {
    awards = new Awards(s.db).list();
  } finally {
    s.close();
  }
  const long = awards.find((a) => a.earnerName === LONG_NAME)!;
  const revokedAward = awards.find((a) => a !== long)!;
  await assayOk(dataDir, ['awards', 'revoke', revokedAward.credentialId, '--reason', 'Benchmark']);
  const { didJson, statusList, statusListFile, didFile } = await published(dataDir, path.join(work, 'trust-publish'));

  line(
    'credential JSON, long multi-script earner name',
    `${bytes(long.credentialJson)} B`,
    `name ${bytes(LONG_NAME)} B UTF-8 (${Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(LONG_NAME)).length} characters); as exported and baked`,
  );
  const listBytes = fs.statSync(statusListFile).size;
  const encoded = (statusList as { credentialSubject: { encodedList: string } }).credentialSubject.encodedList;
  line(
    `status list credential, ${STATUS_LIST_LENGTH.toLocaleString('en')} entries`,
    `${listBytes} B`,
    `signed, as exported; ${awards.length} issued, 1 revoked (encodedList ${encoded.length} B)`,
  );
  // The same list with more revoked: only encodedList changes size (GZIP of the bits); the rest is fixed.
  for (const share of [0.01, 0.1]) {
    const bits = emptyBitstring();
    const set = Math.round(STATUS_LIST_LENGTH * share);
    // At random indices, as Assay chooses them.
    for (let k = 0; k < set;) {
      const i = randomInt(STATUS_LIST_LENGTH);
      if (bits[i >> 3]! & (0x80 >> (i & 7))) continue;
      bits[i >> 3]! |= 0x80 >> (i & 7);
      k++;
    }
    line(
      `  same list with ${share * 100}% of entries revoked`,
      `${listBytes - encoded.length + encodeBitstring(bits).length} B`,
      'computed: exported size with its encodedList replaced',
    );
  }
  line('did.json (one badge key, certificate as x5c)', `${fs.statSync(didFile).size} B`);

  const web = await hostedWeb([HOST]);
  web.hosted.set(`https://${HOST}/.well-known/did.json`, didJson);
  web.hosted.set(JSON.parse(long.credentialJson).credentialStatus.statusListCredential as string, statusList);
  const quiet = { log: console.log, error: console.error, warn: console.warn };
  try {
    // The library prints Ajv's strict-mode notes (and, without ../shared/standards, the schema it cannot fetch).
    console.log = console.error = console.warn = () => undefined;
    const credential = JSON.parse(long.credentialJson) as IssuedCredential as unknown as VerifierCredential;
    const revoked = JSON.parse(revokedAward.credentialJson) as VerifierCredential;
    const run = async (c: VerifierCredential) => {
      const t = nowMs();
      const r = (await verifyCredential({ credential: c, knownDIDRegistries: [] })) as Result;
      return { ms: nowMs() - t, r };
    };
    const first = await run(credential);
    const fetchesFirst = web.requests.map(
      (q) =>
        `${q.url.startsWith(`https://${HOST}/`) ? new URL(q.url).pathname : 'the OB 3.0 schema'}${q.served ? '' : ' (refused)'}`,
    );
    const warm: number[] = [];
    const warmRevoked: number[] = [];
    let wrong = 0;
    web.requests.length = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const a = await run(credential);
      warm.push(a.ms);
      if (a.r.errors || a.r.log?.find((e) => e.id === 'revocation_status')?.valid !== true) wrong++;
      const b = await run(revoked);
      warmRevoked.push(b.ms);
      if (b.r.errors || b.r.log?.find((e) => e.id === 'revocation_status')?.valid !== false) wrong++;
    }
    const fetchesWarm = web.requests.filter((q) => q.url.startsWith(`https://${HOST}/`)).length / (2 * ROUNDS);
    Object.assign(console, quiet);
    line(
      'verifier-core, first credential (cold)',
      fmtMs(first.ms),
      `${first.r.errors ? 'NOT VALID' : 'valid'}; fetched ${fetchesFirst.join(', ')}`,
    );
    line(
      `verifier-core, fresh award, median of ${ROUNDS}`,
      fmtMs(percentile(warm, 50)),
      `min ${fmtMs(Math.min(...warm))}, max ${fmtMs(Math.max(...warm))}`,
    );
    line(
      `verifier-core, revoked award, median of ${ROUNDS}`,
      fmtMs(percentile(warmRevoked, 50)),
      `min ${fmtMs(Math.min(...warmRevoked))}, max ${fmtMs(Math.max(...warmRevoked))}`,
    );
    line(
      '  fetches from the issuing body per verification',
      fetchesWarm.toFixed(1),
      `over 127.0.0.1; ${wrong ? `${wrong} WRONG VERDICTS` : 'every verdict right'}${standardsPresent ? '' : '; schema check failing offline (../shared/standards absent)'}`,
    );
  } finally {
    Object.assign(console, quiet);
    await web.close();
  }
}
