#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into dist/native/electron/, leaving node_modules' Node build for tests and the CLI.
//
//   node electron/scripts/build-native-electron.mjs [--if-missing]
//
// A copy of node_modules/better-sqlite3 is rebuilt in a temporary folder with @electron/rebuild
// (a prebuilt binary for this Electron when one is published, else node-gyp against Electron's
// headers), so the module `npm test` loads is never touched. Needs internet (headers or prebuilt)
// and, for a source build, a C++ toolchain. Never run from postinstall.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'dist', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build.json');
const ifMissing = process.argv.includes('--if-missing');

/** A failure with a message for the person at the terminal (no stack: it is not a bug in this script). */
class BuildError extends Error {}
function fail(message) {
  throw new BuildError(message);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function main() {
  // The exact version the app runs on: package.json pins it, and the installed package must agree.
  const pkg = readJson(path.join(root, 'package.json'));
  const wanted = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!wanted || !/^\d+\.\d+\.\d+$/.test(wanted)) {
    fail(
      `package.json must pin electron to an exact version (found "${wanted ?? 'nothing'}"): the native module is built for one ABI.`,
    );
  }
  let electronVersion = wanted;
  try {
    const installed = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
    if (installed !== wanted)
      fail(`node_modules has electron ${installed} but package.json pins ${wanted}. Run \`npm ci\` first.`);
    electronVersion = installed;
  } catch (err) {
    if (err?.code !== 'ENOENT') throw err;
    fail('node_modules/electron is missing. Run `npm ci` first.');
  }

  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(sqliteDir, 'binding.gyp')))
    fail('node_modules/better-sqlite3 is missing. Run `npm ci` first.');
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const stamp = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };

  if (ifMissing && fs.existsSync(outFile)) {
    try {
      const built = readJson(stampFile);
      if (Object.entries(stamp).every(([k, v]) => built[k] === v)) return;
      console.log(
        `native:electron: the built module is for ${JSON.stringify(built)}; rebuilding for ${JSON.stringify(stamp)}.`,
      );
    } catch {
      console.log('native:electron: no record of how the module was built; rebuilding.');
    }
  }

  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    fail('@electron/rebuild is not installed (it comes with electron-builder). Run `npm ci` first.');
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-native-'));
  try {
    // A minimal project holding only better-sqlite3's sources (no Node build/), so @electron/rebuild
    // has exactly one module to build and node_modules stays as it was.
    const modDir = path.join(work, 'node_modules', 'better-sqlite3');
    fs.cpSync(sqliteDir, modDir, {
      recursive: true,
      filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build',
    });
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({
        name: 'assay-native-build',
        version: '0.0.0',
        private: true,
        dependencies: { 'better-sqlite3': sqliteVersion },
      }),
    );
    // Let @electron/rebuild find prebuild-install, so a published Electron binary is used when there is one.
    const prebuild = path.join(root, 'node_modules', 'prebuild-install');
    if (fs.existsSync(prebuild))
      fs.symlinkSync(prebuild, path.join(work, 'node_modules', 'prebuild-install'), 'junction');

    console.log(
      `native:electron: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`,
    );
    try {
      await rebuild({
        buildPath: work,
        electronVersion,
        arch: process.arch,
        onlyModules: ['better-sqlite3'],
        force: true,
        mode: 'sequential',
      });
    } catch (err) {
      fail(
        `could not build better-sqlite3 for Electron ${electronVersion}: ${err?.message ?? err}\n` +
          "This step downloads Electron's headers from https://electronjs.org/headers (or a prebuilt binary from GitHub),\n" +
          'so it needs internet access; building from source also needs Python 3 and a C++ compiler\n' +
          '(build-essential on Linux, Xcode command line tools on macOS, Visual Studio Build Tools on Windows).\n' +
          'npm test and the CLI do not need this step; npm start and npm run dist do.',
      );
    }

    const built = path.join(modDir, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) fail(`the build finished but ${path.relative(work, built)} is not there.`);
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, outFile);
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
    console.log(`native:electron: wrote ${path.relative(root, outFile)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`\nnative:electron: ${err instanceof BuildError ? err.message : (err?.stack ?? err)}\n`);
  process.exitCode = 1;
});
