// Signed certificates for a batch of distinct names (nine scripts: Arabic, Hebrew, Chinese, Korean among
// them) against Chromium's print-to-PDF of an equivalent HTML certificate in a warm browser, interleaved
// rounds. The Chromium page is served over http with the certificate's own font files (a page set with
// setContent refuses file:// fonts and prints in a system font), and pdffonts proves what it embedded.
// Then bytes per certificate, and the peak memory of an export in a process of its own at several sizes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, test } from '@playwright/test';
import { generateSelfSignedIdentity } from '../../electron/awards/identity/generate.js';
import { FACES, fontPath, type FaceSpec } from '../../electron/awards/certificate/fonts/catalog.js';
import { qrMatrix } from '../../electron/awards/certificate/qr.js';
import { benchCertificates } from './certificate-bench.js';
import { distinctAwards, SAMPLE_ISSUER } from '../support/certificate-samples.js';
import { CHROMIUM } from '../e2e/harness.js';
import { JOB_RESOURCE_LIMITS } from '../../electron/jobs/runner.js';
import { fmtBytes, fmtMs, heading, line, nowMs, percentile } from './stats.js';

const N = Number(process.env.BENCH_CERTIFICATES ?? 1000);
const ROUNDS = Number(process.env.BENCH_CERTIFICATE_ROUNDS ?? 3);
/** Chromium certificates per round (distinct names, a different slice each round). */
const CHROME_PER_ROUND = Number(process.env.BENCH_CERTIFICATE_CHROME ?? 100);
const RSS_SIZES = (process.env.BENCH_CERTIFICATE_RSS ?? '10,1000,3000').split(',').filter(Boolean).map(Number);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The faces the page loads: the certificate's fallback chains (italic running text, semibold names and headings). */
const WEB_FONTS: { spec: FaceSpec; weight: number; style: 'normal' | 'italic' }[] = [
  { spec: FACES.garamondItalic, weight: 400, style: 'italic' },
  { spec: FACES.garamondSemiBold, weight: 600, style: 'normal' },
  { spec: FACES.naskh, weight: 400, style: 'normal' },
  { spec: FACES.naskhSemiBold, weight: 600, style: 'normal' },
  { spec: FACES.frank, weight: 400, style: 'normal' },
  { spec: FACES.frankSemiBold, weight: 600, style: 'normal' },
  { spec: FACES.serifSc, weight: 400, style: 'normal' },
  { spec: FACES.serifScSemiBold, weight: 600, style: 'normal' },
  { spec: FACES.sansKr, weight: 400, style: 'normal' },
  { spec: FACES.sansKrSemiBold, weight: 600, style: 'normal' },
];
const STACK = "'EB Garamond', 'Noto Naskh Arabic', 'Frank Ruhl Libre', 'Noto Serif SC', 'Noto Sans KR'";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The QR code as an SVG path of its dark modules, for a payload as long as a certificate's. */
function qrSvg(code: string): string {
  const m = qrMatrix(`https://riverside.example/verify#${code.repeat(40).slice(0, 300)}`);
  let d = '';
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.dark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return `<svg class="qr" viewBox="0 0 ${m.size} ${m.size}"><path d="${d}" fill="#1b2a4a"/></svg>`;
}

/** An HTML certificate with what ours shows: frame, issuer, title, name, achievement, QR, seal; criteria on page 2. */
function html(a: ReturnType<typeof distinctAwards>[number]): string {
  const faces = WEB_FONTS.map(
    (f) =>
      `@font-face { font-family: '${f.spec.family}'; src: url('/fonts/${f.spec.id}.ttf'); font-weight: ${f.weight}; font-style: ${f.style} }`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${faces}
    @page { size: A4 landscape; margin: 0 }
    body { margin: 0; font-family: ${STACK}; font-style: italic; font-synthesis: none; color: #21232c }
    .issuer, h1, .name, h2, .code b, .seal, td + td { font-style: normal }
    .page { width: 297mm; height: 210mm; box-sizing: border-box; padding: 16mm; border: 6mm double #a88238;
      outline: 1mm solid #1b2a4a; outline-offset: -9mm; text-align: center; position: relative; break-after: page; background: #fbf9f3 }
    .issuer { font-weight: 600; letter-spacing: .16em; color: #1b2a4a; font-size: 12.5pt }
    h1 { font-weight: 600; font-size: 42pt; letter-spacing: .14em; color: #1b2a4a; margin: 8mm 0 0 }
    .sub { font-style: italic; font-size: 24pt; color: #a88238 }
    .muted { font-style: italic; color: #626674; font-size: 13pt; margin-top: 5mm }
    .name { font-weight: 600; font-size: 36pt; margin: 3mm auto; border-bottom: 1px solid #a88238; display: inline-block; padding: 0 10mm }
    h2 { font-weight: 600; font-size: 23pt; color: #1b2a4a; margin: 2mm 0 }
    .desc { font-style: italic; font-size: 11.5pt; max-width: 200mm; margin: 0 auto }
    .qr { position: absolute; left: 18mm; bottom: 18mm; width: 26mm; height: 26mm; background: #fff }
    .code { position: absolute; left: 48mm; bottom: 22mm; text-align: left; font-size: 7.5pt; color: #626674 }
    .code b { display: block; font-size: 13pt; color: #1b2a4a; font-weight: 600 }
    .seal { position: absolute; left: 50%; bottom: 30mm; width: 28mm; height: 28mm; margin-left: -14mm; border-radius: 50%;
      background: radial-gradient(#1b2a4a 60%, #a88238 62%); color: #dec484; font-size: 6.4pt; font-weight: 600; line-height: 28mm }
    .sign { position: absolute; bottom: 38mm; width: 60mm; border-top: 1px solid #1b2a4a; font-size: 10pt; font-style: italic; color: #626674 }
    table { margin: 8mm auto; border-collapse: collapse; font-size: 11pt; width: 240mm } td { border-bottom: 1px solid #dec484; padding: 2mm 4mm; text-align: left }
    tr:nth-child(odd) td { background: #f4efe2 } td + td { font-weight: 600; text-align: right; color: #1b2a4a }
    .foot { position: absolute; bottom: 12mm; left: 0; right: 0; font-size: 6.8pt; color: #626674 }
  </style></head><body><div class="page">
    <div class="issuer">${esc(a.issuer.name.toUpperCase())}</div><h1>CERTIFICATE</h1><div class="sub">of Achievement</div>
    <div class="muted">This certifies that</div><div class="name">${esc(a.earnerName)}</div>
    <div class="muted">has demonstrated the competencies of the micro-credential</div><h2>${esc(a.achievementName)}</h2>
    <p class="desc">${esc(a.achievementDescription)}</p>
    <div class="sign" style="left: 50mm">12 March 2026<br>Date</div><div class="sign" style="right: 50mm">${esc(a.assessorName)}<br>Assessor</div>
    <div class="seal">• ${esc(a.issuer.name.toUpperCase().slice(0, 20))} •</div>
    ${qrSvg(a.verificationCode)}<div class="code">VERIFICATION CODE<b>${esc(a.verificationCode)}</b>Verify at riverside.example/verify<br><i>Scan to verify</i></div>
    <div class="foot">${esc(a.credentialId)} · Issued by ${esc(a.issuer.name)}</div>
  </div><div class="page"><h1 style="font-size: 24pt">Criteria and levels reached</h1>
    <div class="muted">${esc(a.achievementName)} · ${esc(a.earnerName)}</div>
    <table>${a.levels.map((l) => `<tr><td>${esc(l.criterion)}</td><td>${esc(l.level)}</td></tr>`).join('')}</table>
    <div class="foot">Verification code ${esc(a.verificationCode)} · Page 2 of 2</div>
  </div></body></html>`;
}

/** Serves the certificate pages (/cert/<i>) and the font files (/fonts/<face id>.ttf, cacheable). */
async function serve(awards: ReturnType<typeof distinctAwards>): Promise<{ url: string; close(): Promise<void> }> {
  const fonts = new Map(WEB_FONTS.map((f) => [`/fonts/${f.spec.id}.ttf`, fs.readFileSync(fontPath(f.spec))]));
  const server = http.createServer((req, res) => {
    const font = fonts.get(req.url ?? '');
    const page = /^\/cert\/(\d+)$/.exec(req.url ?? '');
    if (font) {
      res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'public, max-age=86400' });
      res.end(font);
    } else if (page && awards[Number(page[1])]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html(awards[Number(page[1])]!));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const stats = (xs: number[]) => `${fmtMs(Math.min(...xs))} / ${fmtMs(percentile(xs, 50))} / ${fmtMs(Math.max(...xs))}`;
const median = (xs: number[]) => percentile(xs, 50);

test('certificates: Assay against Chromium print-to-PDF', async () => {
  const chromeNames = ROUNDS * CHROME_PER_ROUND;
  heading(
    `Signed certificates for ${N} distinct names (nine scripts), against Chromium's print-to-PDF (warm browser, same fonts over http); ${ROUNDS} interleaved rounds`,
  );
  const awards = distinctAwards(Math.max(N, chromeNames));
  const server = await serve(awards);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cert-bench-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const print = async (i: number): Promise<Buffer> => {
      await page.goto(`${server.url}/cert/${i}`, { waitUntil: 'load' });
      // the page's fonts have loaded (a web font still loading would print in the next one of the stack)
      await page.waitForFunction("document.fonts.status === 'loaded'");
      return page.pdf({ format: 'A4', landscape: true, printBackground: true });
    };
    // Warm the browser (and its font cache) on one name of each script, and prove the fonts it printed with.
    const firstOf = new Map<string, number>();
    awards.forEach((a, i) => firstOf.has(a.script) || firstOf.set(a.script, i));
    for (const [script, i] of firstOf) {
      const pdf = await print(i);
      const file = path.join(work, `chromium-${script}.pdf`);
      fs.writeFileSync(file, pdf);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2)
        .map((l) =>
          l
            .trim()
            .split(/\s+/)[0]!
            .replace(/^[A-Z]{6}\+/, ''),
        );
      const want = {
        arabic: 'NotoNaskhArabic',
        hebrew: 'FrankRuhlLibre',
        chinese: 'NotoSerifSC',
        korean: 'NotoSansKR',
      }[script];
      if (!fonts.some((f) => f.startsWith('EBGaramond')) || (want && !fonts.some((f) => f.startsWith(want))))
        throw new Error(
          `Chromium printed the ${script} certificate without the certificate's fonts: ${fonts.join(', ')}`,
        );
      if (['latin', 'arabic', 'chinese', 'korean'].includes(script))
        line(`  Chromium's fonts (pdffonts), ${script} name`, '', fonts.join(', '));
    }

    const identity = await generateSelfSignedIdentity(SAMPLE_ISSUER, { algorithm: 'ecdsa-p256' });
    await benchCertificates(30, { identity, offset: N }); // JIT warm-up, other names
    const chromeMs: number[] = [];
    const chromeBytes: number[] = [];
    const oursMs: number[] = [];
    const oursCpu: number[] = [];
    let sizes: { bytes: number; script: string }[] = [];
    let ours: Awaited<ReturnType<typeof benchCertificates>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const chrome = async () => {
        const t = nowMs();
        for (let k = 0; k < CHROME_PER_ROUND; k++) chromeBytes.push((await print(round * CHROME_PER_ROUND + k)).length);
        chromeMs.push((nowMs() - t) / CHROME_PER_ROUND);
      };
      const assay = async () => {
        ours = await benchCertificates(N, { identity });
        oursMs.push(ours.msPerCertificate);
        oursCpu.push(ours.cpuMsPerCertificate);
        sizes = ours.sizes;
      };
      if (round % 2 === 0) {
        await chrome();
        await assay();
      } else {
        await assay();
        await chrome();
      }
    }
    const ratios = chromeMs.map((c, i) => c / oursMs[i]!);
    line('Chromium page.pdf (unsigned), ms per certificate', stats(chromeMs), 'min / median / max over rounds');
    line(
      'Assay render + PAdES signature, ms per certificate',
      stats(oursMs),
      `batch of ${N}, renderer made in each round`,
    );
    line('  of which rendering / signing (last round)', `${fmtMs(ours!.renderMs)} / ${fmtMs(ours!.signMs)}`);
    line('  CPU per certificate', stats(oursCpu));
    line(
      'speed-up over Chromium',
      `${(median(chromeMs) / median(oursMs)).toFixed(1)}x`,
      `medians; per round ${ratios.map((r) => r.toFixed(1)).join(', ')}x; goal ≥ 10x`,
    );
    const bytes = sizes.map((s) => s.bytes);
    const arabic = sizes.find((s) => s.script === 'arabic')!;
    line(
      'bytes per certificate, median / max',
      `${fmtBytes(median(bytes))} / ${fmtBytes(Math.max(...bytes))}`,
      `goal ≤ 30 KiB; Chromium's unsigned: median ${fmtBytes(median(chromeBytes))}, max ${fmtBytes(Math.max(...chromeBytes))}`,
    );
    const byScript = new Map<string, number[]>();
    for (const s of sizes) byScript.set(s.script, [...(byScript.get(s.script) ?? []), s.bytes]);
    line('  the first Arabic name', fmtBytes(arabic.bytes));
    line('  median by script', '', [...byScript].map(([script, b]) => `${script} ${fmtBytes(median(b))}`).join(', '));
  } finally {
    await browser.close();
    await server.close();
  }

  // Peak memory of an export, each size in a fresh process (node dist/…: `npm run bench` builds first).
  const child = path.join(here, '..', '..', 'dist', 'test', 'bench', 'certificate-export.js');
  if (!fs.existsSync(child)) throw new Error(`${child} is missing: run npm run build:node first`);
  for (const n of RSS_SIZES) {
    const out = path.join(work, `export-${n}`);
    // With the heap limit the app's export worker has (electron/jobs/runner.ts).
    const heap = `--max-old-space-size=${JOB_RESOURCE_LIMITS['awards-export']!.maxOldGenerationSizeMb!}`;
    const result = JSON.parse(execFileSync(process.execPath, [heap, child, String(n), out], { encoding: 'utf8' })) as {
      ms: number;
      maxRssMiB: number;
      bytes: number;
    };
    line(
      `export of ${n} certificates, peak RSS`,
      `${result.maxRssMiB.toFixed(0)} MiB`,
      `${fmtMs(result.ms / n)} each, ${fmtBytes(result.bytes)} average; goal: flat`,
    );
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.rmSync(work, { recursive: true, force: true });
});
