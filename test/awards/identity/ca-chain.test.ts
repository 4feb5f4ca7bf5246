// A signing certificate from a real CA: a small CA made with openssl (root → intermediate → leaf whose
// SANs are the issuer's URL and DID), imported as a PKCS#12 with its chain through `assay identity
// import`. Outside verifiers given only the root must trust what Assay signs: pdfsig (NSS) the
// certificate PDF, `openssl cms -verify -CAfile root` the results package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../certificate/helpers.js';
import { scoreSome, samplePackage } from '../../support/issuer-store.js';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/package-builder.js';

const PASSPHRASE = 'correct horse battery staple';
const P12_PASSPHRASE = 'p12 export passphrase';
const DID = 'did:web:pd.riverside.example.edu';
let work: string;
let ca: string;

function assay(dataDir: string, args: string[]) {
  return runCli([...args, '--data-dir', dataDir], {
    ASSAY_PASSPHRASE: PASSPHRASE,
    ASSAY_P12_PASSPHRASE: P12_PASSPHRASE,
  });
}

async function ok(dataDir: string, args: string[]): Promise<string> {
  const r = await assay(dataDir, args);
  if (r.code !== 0) throw new Error(`assay ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** root (self-signed CA) → intermediate (CA, pathlen 0) → leaf (signing only), all ECDSA P-256. */
function makeCa(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    [
      '[root]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '[intermediate]',
      'basicConstraints = critical, CA:true, pathlen:0',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[leaf]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      `subjectAltName = URI:https://pd.riverside.example.edu, URI:${DID}, email:credentials@pd.riverside.example.edu`,
      '',
    ].join('\n'),
  );
  const key = (name: string) =>
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
  for (const n of ['root', 'intermediate', 'leaf']) key(n);
  openssl([
    'req',
    '-new',
    '-x509',
    '-key',
    'root.key',
    '-subj',
    '/CN=Test Trust Services Root CA/O=Test Trust Services',
    '-days',
    '3650',
    '-sha256',
    '-extensions',
    'root',
    '-config',
    'ext.cnf',
    '-out',
    'root.pem',
  ]);
  const issue = (name: string, subject: string, signer: string, ext: string) => {
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
    openssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${signer}.pem`,
      '-CAkey',
      `${signer}.key`,
      '-CAcreateserial',
      '-days',
      '1825',
      '-sha256',
      '-extfile',
      'ext.cnf',
      '-extensions',
      ext,
      '-out',
      `${name}.pem`,
    ]);
  };
  issue('intermediate', '/CN=Test Trust Services Issuing CA 1/O=Test Trust Services', 'root', 'intermediate');
  issue('leaf', '/CN=Riverside University School of Education/O=Riverside University', 'intermediate', 'leaf');
  fs.writeFileSync(
    path.join(dir, 'chain.pem'),
    Buffer.concat([fs.readFileSync(path.join(dir, 'intermediate.pem')), fs.readFileSync(path.join(dir, 'root.pem'))]),
  );
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    'leaf.key',
    '-in',
    'leaf.pem',
    '-certfile',
    'chain.pem',
    '-name',
    'Riverside signing',
    '-passout',
    `pass:${P12_PASSPHRASE}`,
    '-out',
    'identity.p12',
  ]);
}

/** An NSS database that trusts only the root (as a CA for signatures), as a reader's system would. */
function nssWithRootOnly(): string {
  const db = path.join(work, 'nss-root-only');
  fs.mkdirSync(db);
  expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]).status).toBe(0);
  const added = run('certutil', [
    '-A',
    '-n',
    'root',
    '-t',
    'CT,C,C',
    '-i',
    path.join(ca, 'root.pem'),
    '-d',
    `sql:${db}`,
  ]);
  expect(added.status, added.stderr).toBe(0);
  return `sql:${db}`;
}

let dataDir: string;
let pdf: string;
let results: string;

beforeAll(async () => {
  work = tempDir('assay-ca-chain-');
  ca = path.join(work, 'ca');
  makeCa(ca);
  dataDir = path.join(work, 'data');
  await ok(dataDir, ['import', await samplePackage(work)]);
  scoreSome(dataDir, 2);
  await ok(dataDir, [
    'identity',
    'import',
    path.join(ca, 'identity.p12'),
    '--name',
    'Riverside University School of Education',
    '--url',
    'https://pd.riverside.example.edu',
  ]);
  await ok(dataDir, ['awards', 'issue', '--all']);
  const awardsDir = path.join(work, 'awards');
  await ok(dataDir, ['awards', 'export', '--out', awardsDir, '--format', 'pdf']);
  pdf = path.join(
    awardsDir,
    fs.readdirSync(awardsDir).find((f) => f.endsWith('.pdf'))!,
  );
  results = path.join(work, 'results');
  await ok(dataDir, ['results', 'export', '--out', results]);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a CA-issued signing identity imported from PKCS#12 with its chain', () => {
  it('says it is CA-issued, by whom, with the whole chain kept', async () => {
    const shown = await ok(dataDir, ['identity', 'show']);
    expect(shown).toMatch(
      /issued by CN=Test Trust Services Issuing CA 1, O=Test Trust Services; 3 certificates in its chain/,
    );
    expect(shown).not.toContain('self-signed');
  });

  it('pdfsig trusts the certificate PDF with only the root in its NSS database', () => {
    const out = run('pdfsig', ['-nssdir', nssWithRootOnly(), pdf]).stdout;
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('without the root, pdfsig cannot trust it (the trust above comes from the chain, not from the leaf)', () => {
    const empty = path.join(work, 'nss-empty');
    fs.mkdirSync(empty);
    expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${empty}`]).status).toBe(0);
    const out = run('pdfsig', ['-nssdir', `sql:${empty}`, pdf]).stdout;
    expect(out).toContain('Signature is Valid.');
    expect(out).not.toContain('Certificate is Trusted.');
  });

  it('openssl cms -verify with only the root as -CAfile accepts the results package signature', () => {
    const verify = (caFile: string) =>
      run('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path.join(results, 'manifest.json.p7s'),
        '-content',
        path.join(results, 'manifest.json'),
        '-CAfile',
        caFile,
        '-out',
        '/dev/null',
      ]);
    const good = verify(path.join(ca, 'root.pem'));
    expect(good.stderr).toMatch(/Verification successful/);
    expect(good.status).toBe(0);
    // Another root (the intermediate's key is not its issuer) must not do.
    execFileSync(
      'openssl',
      [
        'req',
        '-new',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'other.key',
        '-subj',
        '/CN=Other Root',
        '-days',
        '30',
        '-out',
        'other-root.pem',
      ],
      { cwd: ca, stdio: 'ignore' },
    );
    expect(verify(path.join(ca, 'other-root.pem')).status).not.toBe(0);
  });

  it('assay verify accepts its own PDF and results package, and did.json carries the chain in x5c', async () => {
    const v = await assay(dataDir, ['verify', pdf]);
    expect(v.code, v.stderr).toBe(0);
    expect((await assay(dataDir, ['results', 'verify', results])).code).toBe(0);
    await ok(dataDir, ['identity', 'export-did', '--did', DID, '--out', path.join(work, 'did')]);
    const doc = JSON.parse(fs.readFileSync(path.join(work, 'did', 'did.json'), 'utf8')) as {
      verificationMethod: { type: string; publicKeyJwk?: { x5c: string[] } }[];
    };
    const x5c = doc.verificationMethod.find((m) => m.publicKeyJwk)!.publicKeyJwk!.x5c;
    const pemBody = (f: string) => fs.readFileSync(path.join(ca, f), 'utf8').replace(/-----[^-]+-----|\s/g, '');
    expect(x5c).toEqual([pemBody('leaf.pem'), pemBody('intermediate.pem'), pemBody('root.pem')]);
  });
});

describe('a self-signed identity', () => {
  it('keeps working and says what it is', async () => {
    const own = path.join(work, 'self-signed');
    await ok(own, ['identity', 'create', '--name', 'Riverside University School of Education']);
    expect(await ok(own, ['identity', 'show'])).toMatch(/\(self-signed: no CA vouches for it\)/);
  });
});
