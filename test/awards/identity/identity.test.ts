import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IdentityError,
  generateSelfSignedIdentity,
  importPkcs12,
  loadIdentity,
  passphraseBox,
  safeStorageBox,
  saveIdentity,
  type SafeStorageLike,
  type SigningIdentity,
} from '../../../electron/awards/identity/index.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-identity-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const profile = {
  name: 'Riverside University School of Education',
  url: 'https://riverside.example/badges',
  email: 'badges@riverside.example',
};

function expectIdentityError(fn: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(IdentityError);
  expect((caught as IdentityError).reason).toBe(code);
  expect((caught as IdentityError).message).toMatch(message);
}

async function expectIdentityErrorAsync(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(IdentityError);
  expect((caught as IdentityError).reason).toBe(code);
  expect((caught as IdentityError).message).toMatch(message);
}

function signsAndVerifies(identity: SigningIdentity): void {
  const data = Buffer.from('certificate bytes');
  const signature = identity.signWithCertificateKey(data);
  expect(crypto.verify('sha256', data, identity.certificate.publicKey, signature)).toBe(true);
  const badgeSignature = identity.signWithBadgeKey(data);
  expect(crypto.verify(null, data, identity.badgePublicKey, badgeSignature)).toBe(true);
}

describe('generateSelfSignedIdentity', () => {
  it('makes an ECDSA P-256 certificate for the issuer with digitalSignature + nonRepudiation (and keyCertSign as its own anchor)', async () => {
    const identity = await generateSelfSignedIdentity(profile, { years: 3 });
    expect(identity.keyAlgorithm).toBe('ecdsa-p256');
    expect(identity.commonName).toBe(profile.name);
    const cert = new x509.X509Certificate(identity.certificateChain[0]!);
    expect(cert.subject).toContain(`CN=${profile.name}`);
    expect(cert.subject).toContain(`O=${profile.name}`);
    const ku = cert.getExtension(x509.KeyUsagesExtension);
    expect(ku?.critical).toBe(true);
    expect(ku?.usages).toBe(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyCertSign,
    );
    expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    const years = (cert.notAfter.getTime() - cert.notBefore.getTime()) / (365.25 * 86400_000);
    expect(years).toBeGreaterThan(2.9);
    expect(years).toBeLessThan(3.1);
    expect(identity.badgeKey.asymmetricKeyType).toBe('ed25519');
    signsAndVerifies(identity);
  });

  it('makes an RSA-3072 certificate on request', async () => {
    const identity = await generateSelfSignedIdentity({ name: 'Zoë Núñez Academy' }, { algorithm: 'rsa-3072' });
    expect(identity.keyAlgorithm).toBe('rsa');
    expect(identity.signingKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(identity.commonName).toBe('Zoë Núñez Academy');
    signsAndVerifies(identity);
  });

  it('never shows private keys through toJSON or util.inspect', async () => {
    const identity = await generateSelfSignedIdentity(profile);
    const shown = JSON.stringify(identity) + inspect(identity, { showHidden: true, depth: 10 });
    expect(shown).not.toMatch(/PRIVATE KEY/);
    const pkcs8 = identity.signingKey.export({ type: 'pkcs8', format: 'der' });
    expect(shown).not.toContain(pkcs8.toString('base64').slice(0, 40));
    expect(shown).toContain(identity.fingerprint256);
  });
});

describe('identity.json with a passphrase box', () => {
  it('round-trips with the right passphrase, refuses a wrong one, and holds no key in the clear', async () => {
    const logo = fs.readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'certificate', 'fixtures', 'logo.png'),
    );
    const identity = await generateSelfSignedIdentity({ ...profile, logoPng: logo });
    const folder = path.join(dir, 'store-1');
    const file = saveIdentity(folder, identity, passphraseBox('correct horse battery staple'));
    expect(path.basename(file)).toBe('identity.json');
    expect(fs.readdirSync(folder)).toEqual(['identity.json']); // no temp file left behind
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const loaded = loadIdentity(folder, passphraseBox('correct horse battery staple'));
    expect(loaded.fingerprint256).toBe(identity.fingerprint256);
    expect(loaded.profile.name).toBe(profile.name);
    expect(loaded.profile.logoPng?.equals(logo)).toBe(true);
    expect(loaded.badgePublicKey.export({ format: 'jwk' })).toEqual(identity.badgePublicKey.export({ format: 'jwk' }));
    signsAndVerifies(loaded);

    expectIdentityError(
      () => loadIdentity(folder, passphraseBox('Correct horse battery staple')),
      'wrong-passphrase',
      new RegExp(`^The passphrase for ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not right\\.$`),
    );

    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/PRIVATE KEY/);
    expect(text).toMatch(/BEGIN CERTIFICATE/);
    const signingDer = identity.signingKey.export({ type: 'pkcs8', format: 'der' });
    const badgeDer = identity.badgeKey.export({ type: 'pkcs8', format: 'der' });
    const badgeJwk = identity.badgeKey.export({ format: 'jwk' });
    const signingJwk = identity.signingKey.export({ format: 'jwk' });
    const raw = fs.readFileSync(file);
    for (const secret of [
      signingDer,
      badgeDer,
      Buffer.from(badgeJwk.d!, 'base64url'),
      Buffer.from(signingJwk.d!, 'base64url'),
    ]) {
      expect(raw.includes(secret)).toBe(false);
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        // any 24-character window of the encoded secret would do; take the middle
        const encoded = secret.toString(encoding);
        expect(text).not.toContain(
          encoded.slice(Math.floor(encoded.length / 2) - 12, Math.floor(encoded.length / 2) + 12),
        );
      }
    }
  });

  it('says what is wrong with a damaged or missing file', () => {
    const folder = path.join(dir, 'store-2');
    fs.mkdirSync(folder, { recursive: true });
    expectIdentityError(() => loadIdentity(folder, passphraseBox('x')), 'not-found', /no issuer identity/);
    fs.writeFileSync(path.join(folder, 'identity.json'), '{ not json');
    expectIdentityError(() => loadIdentity(folder, passphraseBox('x')), 'corrupt', /not valid JSON/);
  });

  it('seals with an Electron-style safeStorage and tells the two boxes apart', async () => {
    const osKey = crypto.randomBytes(32);
    const fake: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString(plain) {
        const iv = crypto.randomBytes(12);
        const c = crypto.createCipheriv('aes-256-gcm', osKey, iv);
        const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), body]);
      },
      decryptString(sealed) {
        const d = crypto.createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
        d.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
      },
    };
    const identity = await generateSelfSignedIdentity(profile);
    const folder = path.join(dir, 'store-3');
    saveIdentity(folder, identity, safeStorageBox(fake));
    expect(loadIdentity(folder, safeStorageBox(fake)).fingerprint256).toBe(identity.fingerprint256);
    expectIdentityError(() => loadIdentity(folder, passphraseBox('whatever')), 'wrong-passphrase', /system key store/);
    expectIdentityError(
      () => safeStorageBox({ ...fake, isEncryptionAvailable: () => false }).seal(Buffer.from('x')),
      'storage-unavailable',
      /not available/,
    );
    expectIdentityError(
      () => safeStorageBox({ ...fake, getSelectedStorageBackend: () => 'basic_text' }).seal(Buffer.from('x')),
      'storage-unavailable',
      /No system key store/,
    );
  });
});

describe('importPkcs12', () => {
  const pass = 'p12 pass wörd';
  let keyPem: string;
  let certPem: string;
  let caPem: string;
  let caKey: string;

  beforeAll(() => {
    const work = path.join(dir, 'openssl');
    fs.mkdirSync(work, { recursive: true });
    const run = (...args: string[]): void => {
      execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    };
    caKey = path.join(work, 'ca.key');
    caPem = path.join(work, 'ca.pem');
    keyPem = path.join(work, 'issuer.key');
    certPem = path.join(work, 'issuer.pem');
    run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      caKey,
      '-out',
      caPem,
      '-days',
      '30',
      '-subj',
      '/CN=Test Root CA/O=Test Trust',
    );
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPem,
      '-out',
      path.join(work, 'issuer.csr'),
      '-subj',
      '/CN=Northwind College/O=Northwind College',
    );
    fs.writeFileSync(path.join(work, 'ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
    run(
      'x509',
      '-req',
      '-in',
      path.join(work, 'issuer.csr'),
      '-CA',
      caPem,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-out',
      certPem,
      '-days',
      '30',
      '-extfile',
      path.join(work, 'ext.cnf'),
    );
  });

  function p12(name: string, ...extra: string[]): { file: string; bytes: Buffer } {
    const file = path.join(dir, 'openssl', name);
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        keyPem,
        '-in',
        certPem,
        '-certfile',
        caPem,
        '-passout',
        `pass:${pass}`,
        '-out',
        file,
        ...extra,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { file, bytes: fs.readFileSync(file) };
  }

  it('imports what `openssl pkcs12 -export` writes (PBES2 / AES-256, SHA-256 MAC) with its chain', async () => {
    const { bytes } = p12('modern.p12');
    const identity = await importPkcs12(bytes, pass, { fileName: 'modern.p12' });
    expect(identity.commonName).toBe('Northwind College');
    expect(identity.profile.name).toBe('Northwind College');
    expect(identity.keyAlgorithm).toBe('rsa');
    expect(identity.certificateChain).toHaveLength(2);
    expect(new crypto.X509Certificate(identity.certificateChain[1]!).subject).toContain('CN=Test Root CA');
    expect(identity.certificate.fingerprint256).toBe(
      new crypto.X509Certificate(fs.readFileSync(certPem)).fingerprint256,
    );
    signsAndVerifies(identity);
  });

  it('imports a legacy file (RC2-40 certificates, 3DES key, SHA-1 MAC)', async () => {
    let legacy: { bytes: Buffer };
    try {
      legacy = p12('legacy.p12', '-legacy');
    } catch {
      legacy = p12('legacy.p12', '-certpbe', 'PBE-SHA1-RC2-40', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
    }
    const identity = await importPkcs12(legacy.bytes, pass, { fileName: 'legacy.p12' });
    expect(identity.commonName).toBe('Northwind College');
    signsAndVerifies(identity);
  });

  it('imports RC2-128-encrypted certificates (RC2 by node-forge at its full key length)', async () => {
    const { bytes } = p12(
      'rc2-128.p12',
      '-legacy',
      '-certpbe',
      'PBE-SHA1-RC2-128',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    );
    const identity = await importPkcs12(bytes, pass, { fileName: 'rc2-128.p12' });
    expect(identity.certificateChain).toHaveLength(2);
    signsAndVerifies(identity);
  });

  it('imports 3DES-encrypted certificates and key (the Windows "TripleDES-SHA1" export)', async () => {
    const { bytes } = p12('3des.p12', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
    expect((await importPkcs12(bytes, pass)).commonName).toBe('Northwind College');
  });

  it('says the passphrase is not right', async () => {
    const { bytes } = p12('modern-2.p12');
    await expectIdentityErrorAsync(
      importPkcs12(bytes, 'p12 pass word', { fileName: 'issuer.p12' }),
      'wrong-passphrase',
      /^The passphrase for issuer\.p12 is not right\.$/,
    );
    await expectIdentityErrorAsync(
      importPkcs12(bytes, ''),
      'wrong-passphrase',
      /^The passphrase for the PKCS#12 file is not right\.$/,
    );
  });

  it('says a broken or foreign file is not a PKCS#12 file', async () => {
    await expectIdentityErrorAsync(
      importPkcs12(crypto.randomBytes(700), pass, { fileName: 'garbage.p12' }),
      'not-pkcs12',
      /^garbage\.p12 is not a PKCS#12 file \(.+\)\.$/,
    );
    await expectIdentityErrorAsync(
      importPkcs12(Buffer.from('hello world'), pass, { fileName: 'hello.txt' }),
      'not-pkcs12',
      /^hello\.txt is not a PKCS#12 file/,
    );
    await expectIdentityErrorAsync(
      importPkcs12(fs.readFileSync(certPem), pass, { fileName: 'issuer.pem' }),
      'not-pkcs12',
      /PEM text file/,
    );
    const { bytes } = p12('modern-3.p12');
    await expectIdentityErrorAsync(
      importPkcs12(bytes.subarray(0, bytes.length - 300), pass, { fileName: 'cut.p12' }),
      'not-pkcs12',
      /^cut\.p12 is not a PKCS#12 file/,
    );
    await expectIdentityErrorAsync(
      importPkcs12(new Uint8Array(0), pass, { fileName: 'empty.p12' }),
      'not-pkcs12',
      /empty/,
    );
  });

  it('names a certificate bag whose value is not an OCTET STRING rather than failing inside pkijs', async () => {
    // unencrypted and MAC-less, so the certificate bag's [0] { OCTET STRING } is in the clear: retag it INTEGER
    const { bytes } = p12('plain.p12', '-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac');
    const x509CertBag = Buffer.from('060a2a864886f70d01091601a082', 'hex'); // OID x509Certificate, then [0]
    const at = bytes.indexOf(x509CertBag);
    expect(at).toBeGreaterThan(0);
    const tag = at + x509CertBag.length + 2; // past the [0]'s two length bytes
    expect(bytes[tag]).toBe(0x04);
    const retagged = Buffer.from(bytes);
    retagged[tag] = 0x02;
    await expectIdentityErrorAsync(
      importPkcs12(retagged, pass, { fileName: 'retagged.p12' }),
      'not-pkcs12',
      /^retagged\.p12 is not a PKCS#12 file \(its contents could not be read: a certificate bag does not hold an OCTET STRING\)\.$/,
    );
  });

  it('says when the file holds a certificate but no private key', async () => {
    const { bytes } = p12('certonly.p12', '-nokeys');
    await expectIdentityErrorAsync(
      importPkcs12(bytes, pass, { fileName: 'certonly.p12' }),
      'no-private-key',
      /^certonly\.p12 holds a certificate but no private key/,
    );
  });

  it('saves an imported identity and loads it back', async () => {
    const { bytes } = p12('modern-4.p12');
    const identity = await importPkcs12(bytes, pass);
    const folder = path.join(dir, 'store-p12');
    saveIdentity(folder, identity, passphraseBox('another passphrase'));
    const loaded = loadIdentity(folder, passphraseBox('another passphrase'));
    expect(loaded.certificateChain.map((c) => c.toString('hex'))).toEqual(
      identity.certificateChain.map((c) => c.toString('hex')),
    );
    signsAndVerifies(loaded);
  });
});
