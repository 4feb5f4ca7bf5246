// The app:// request logic over real files and a real store: routing, traversal, types, ranges, evidence.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSP,
  EVIDENCE_CSP,
  evidenceContentType,
  evidenceLookup,
  handleAppRequest,
  isAppUrl,
  parseRange,
  routeAppUrl,
  type AppProtocolDeps,
} from '../../electron/app/protocol-core.js';
import { openServices, type Services } from '../../electron/services.js';

let tmp: string;
let rendererRoot: string;
let services: Services;
let deps: AppProtocolDeps;
const video = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const videoSha = sha(video);

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return handleAppRequest({ url, method, headers: new Headers(headers) }, deps);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-protocol-'));
  rendererRoot = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Assay</title>');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'main.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the renderer');

  services = openServices(path.join(tmp, 'data'));
  const file = services.evidence.pathOf(videoSha);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, video);
  services.db.prepare('INSERT INTO blobs (sha256, size) VALUES (?, ?)').run(videoSha, video.length);
  // A file in the store with no blobs row (e.g. left over) must not be served.
  const orphan = Buffer.from('orphan');
  fs.mkdirSync(path.dirname(services.evidence.pathOf(sha(orphan))), { recursive: true });
  fs.writeFileSync(services.evidence.pathOf(sha(orphan)), orphan);
  deps = { rendererRoot, lookupEvidence: evidenceLookup(services) };
});

afterAll(() => {
  services.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('routing and static files', () => {
  it('serves index.html for / with its type, the CSP and nosniff', async () => {
    const res = await get('app://assay/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Assay</title>');
  });

  it('gives scripts and styles their types', async () => {
    expect((await get('app://assay/assets/main.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://assay/assets/style.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each([
    'app://assay/..%2fsecret.txt',
    'app://assay/%2e%2e/secret.txt',
    'app://assay/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://assay/%2e%2e%5csecret.txt',
    'app://assay/assets%00/main.js',
  ])('refuses traversal out of the renderer folder: %s', async (url) => {
    expect(routeAppUrl(url, rendererRoot).kind).not.toBe('evidence');
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('answers 404 for missing files, folders, other hosts and schemes', async () => {
    expect((await get('app://assay/nope.js')).status).toBe(404);
    expect((await get('app://assay/assets/')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect(routeAppUrl('https://assay/index.html', rendererRoot).kind).toBe('not-found');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://assay/', {}, 'POST')).status).toBe(405);
  });

  it('recognises only our origin', () => {
    expect(isAppUrl('app://assay/')).toBe(true);
    expect(isAppUrl('app://assay/evidence/x')).toBe(true);
    for (const url of [
      'app://assay.evil/',
      'app://evil/',
      'https://assay/',
      'file:///index.html',
      'app://user@evil/',
      'not a url',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=10-', 100, { kind: 'partial', start: 10, end: 99 }],
    ['bytes=-5', 100, { kind: 'partial', start: 95, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=90-200', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-3', 100, { kind: 'full' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-9', 100, { kind: 'full' }],
    [null, 100, { kind: 'full' }],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('evidence', () => {
  const url = `app://assay/evidence/${videoSha}`;

  it('streams a stored blob whole, advertising ranges, under the sandboxing CSP', async () => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(video.length));
    expect(res.headers.get('content-security-policy')).toBe(EVIDENCE_CSP);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(video);
  });

  it('answers bytes=0-9 with 206 and the first ten bytes', async () => {
    const res = await get(url, { Range: 'bytes=0-9' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-9/${video.length}`);
    expect(res.headers.get('content-length')).toBe('10');
    expect(await res.text()).toBe('0123456789');
  });

  it('answers bytes=10- with the rest of the file', async () => {
    const res = await get(url, { Range: 'bytes=10-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 10-${video.length - 1}/${video.length}`);
    expect(await res.text()).toBe(video.subarray(10).toString());
  });

  it('answers the suffix bytes=-5 with the last five bytes', async () => {
    const res = await get(url, { Range: 'bytes=-5' });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('vwxyz');
  });

  it('answers a range past the end with 416 and the size', async () => {
    const res = await get(url, { Range: `bytes=${video.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${video.length}`);
  });

  it('answers HEAD with headers only', async () => {
    const res = await get(url, { Range: 'bytes=0-9' }, 'HEAD');
    expect(res.status).toBe(206);
    expect(res.body).toBeNull();
  });

  it('answers 404 for a hash with no blobs row, even if a file is there, and for anything not a hash', async () => {
    expect((await get(`app://assay/evidence/${sha(Buffer.from('orphan'))}`)).status).toBe(404);
    expect((await get(`app://assay/evidence/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get('app://assay/evidence/not-a-hash')).status).toBe(404);
    expect((await get(`app://assay/evidence/${videoSha.toUpperCase()}`)).status).toBe(404);
  });

  it('takes the media type from the artifact, and only passive types', () => {
    expect(evidenceContentType('video/mp4')).toBe('video/mp4');
    expect(evidenceContentType('image/png')).toBe('image/png');
    expect(evidenceContentType('application/pdf')).toBe('application/pdf');
    for (const t of [
      'text/html',
      'application/javascript',
      'text/javascript',
      'application/xhtml+xml',
      'text/xml',
      null,
      '',
    ]) {
      expect(evidenceContentType(t)).toBe('application/octet-stream');
    }
    expect(EVIDENCE_CSP).toContain('sandbox');
    expect(EVIDENCE_CSP).toContain("default-src 'none'");
  });
});
