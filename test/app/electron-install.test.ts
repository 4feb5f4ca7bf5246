// What `npm start` needs of Node: Electron's own installer (electron/install.js, which `require`s the ESM-only
// @electron/get and @electron-internal/extract-zip) downloads, checks and unpacks the Electron zip on this Node.
// The download comes from a mirror on 127.0.0.1 serving a stand-in zip, so the test needs no internet.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeZip } from '../support/package-builder.js';

const root = path.resolve(import.meta.dirname, '../..');
const electronPkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string;
  engines?: { node?: string };
};
const ourPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const version = electronPkg.version;
const zipName = `electron-v${version}-linux-${process.arch}.zip`;

let work: string;
let server: http.Server;
let mirror: string;
const served: string[] = [];

beforeAll(async () => {
  work = tempDir('assay-electron-install-');
  // A project holding Electron's npm package as npm installs it (its scripts, not its downloaded dist/).
  const pkgDir = path.join(work, 'project/node_modules/electron');
  fs.mkdirSync(pkgDir, { recursive: true });
  for (const f of ['install.js', 'index.js', 'cli.js', 'package.json', 'checksums.json'])
    fs.copyFileSync(path.join(root, 'node_modules/electron', f), path.join(pkgDir, f));
  for (const scope of ['@electron', '@electron-internal'])
    fs.symlinkSync(path.join(root, 'node_modules', scope), path.join(work, 'project/node_modules', scope), 'dir');

  // The stand-in Electron: an executable that says what it was asked, and the version file the real zip carries.
  const zip = path.join(work, zipName);
  await writeZip(zip, [
    { name: 'electron', content: Buffer.from('#!/bin/sh\necho "stand-in electron $*"\n'), mode: 0o100755 },
    { name: 'version', content: Buffer.from(`v${version}`) },
  ]);
  const zipBytes = fs.readFileSync(zip);
  const shasums = `${createHash('sha256').update(zipBytes).digest('hex')} *${zipName}\n`;
  server = http.createServer((req, res) => {
    served.push(req.url ?? '');
    const body =
      req.url === `/v${version}/${zipName}`
        ? zipBytes
        : req.url === `/v${version}/SHASUMS256.txt`
          ? Buffer.from(shasums)
          : undefined;
    res.writeHead(body ? 200 : 404, { 'Content-Length': body?.length ?? 0 });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});

/** Node's version as numbers, and whether it is at least `min` ("20.19.0"). */
const atLeast = (v: string, min: string) => {
  const a = v.replace(/^v/, '').split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
};

describe('what npm start needs of Node', () => {
  it('package.json names the Node the installer really needs, and this Node meets it', () => {
    // require() of an ES module (how electron/install.js loads @electron/get 5) is on by default from Node 20.19.
    expect(ourPkg.engines.node).toBe('>=20.19.0');
    expect(atLeast(process.version, '20.19.0')).toBe(true);
  });

  it(`Electron ${version}'s installer downloads, checks and unpacks on Node ${process.version}, and \`electron\` then runs it`, async () => {
    if (process.platform !== 'linux') {
      console.log(`skipped: the stand-in Electron zip is for Linux; this is ${process.platform}`);
      return;
    }
    const pkgDir = path.join(work, 'project/node_modules/electron');
    const env = {
      ...process.env,
      ELECTRON_MIRROR: mirror,
      electron_use_remote_checksums: '1',
      electron_config_cache: path.join(work, 'cache'),
      ELECTRON_INSTALL_PLATFORM: 'linux',
      ELECTRON_INSTALL_ARCH: process.arch,
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
    };
    // Spawned without waiting synchronously: this process serves the mirror.
    const child = spawn(process.execPath, ['install.js'], { cwd: pkgDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(output).not.toMatch(/ERR_REQUIRE_ESM|SyntaxError|is not a function/);
    expect(code, output).toBe(0);
    expect(served).toContain(`/v${version}/${zipName}`);
    expect(served).toContain(`/v${version}/SHASUMS256.txt`);
    expect(fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8')).toBe('electron');
    expect(fs.readFileSync(path.join(pkgDir, 'dist/version'), 'utf8')).toBe(`v${version}`);

    // `electron .` (npm start's last step) goes through the package's cli.js to the unpacked binary.
    const run = spawnSync(process.execPath, [path.join(pkgDir, 'cli.js'), '.'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('stand-in electron .');
  });

  it("the native-module build for Electron loads its tools on this Node and knows Electron's ABI", async () => {
    // electron/scripts/build-native-electron.mjs imports @electron/rebuild (ESM), which asks node-abi for the ABI.
    const rebuild = (await import('@electron/rebuild')) as { rebuild?: unknown };
    expect(typeof rebuild.rebuild).toBe('function');
    // node-abi ships no types; a specifier in a variable keeps tsc from looking for them.
    const nodeAbiName = 'node-abi';
    const nodeAbi = (await import(nodeAbiName)) as { getAbi(target: string, runtime: string): string };
    expect(Number(nodeAbi.getAbi(version, 'electron'))).toBeGreaterThan(100);
  });
});
