// Signed certificates per second, against Chromium's headless print-to-PDF of an equivalent HTML
// certificate in a warm browser, in the same run.
import { chromium } from '@playwright/test';
import { test } from '@playwright/test';
import { benchCertificates } from './certificate-bench.js';
import { sampleAward } from '../support/certificate-samples.js';
import { CHROMIUM } from '../e2e/harness.js';
import { fmtBytes, fmtMs, heading, line, nowMs } from './stats.js';

const N = Number(process.env.BENCH_CERTIFICATES ?? 1000);

function html(i: number): string {
  const a = sampleAward(i);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: A4 landscape; margin: 0 }
    body { margin: 0; font-family: 'EB Garamond', 'Noto Serif', serif; color: #21232c }
    .page { width: 297mm; height: 210mm; box-sizing: border-box; padding: 18mm; border: 6mm double #a88238; text-align: center }
    h1 { font-size: 30pt; letter-spacing: .2em; color: #1b2a4a; margin: 10mm 0 4mm }
    .name { font-size: 34pt; margin: 8mm 0 } .small { font-size: 11pt; color: #626674 }
    table { margin: 6mm auto; border-collapse: collapse; font-size: 10pt } td { border-bottom: 1px solid #dec484; padding: 1mm 4mm }
  </style></head><body><div class="page">
    <div class="small">${esc(a.issuer.name)}</div><h1>CERTIFICATE OF ACHIEVEMENT</h1>
    <div>This certifies that</div><div class="name">${esc(a.earnerName)}</div>
    <div>has earned the micro-credential</div><h2>${esc(a.achievementName)}</h2>
    <p>${esc(a.achievementDescription)}</p>
    <table>${a.levels.map((l) => `<tr><td>${esc(l.criterion)}</td><td>${esc(l.level)}</td></tr>`).join('')}</table>
    <div class="small">Assessed by ${esc(a.assessorName)} · Verification code ${esc(a.verificationCode)} · ${esc(a.credentialId)}</div>
  </div></body></html>`;
}

test('certificates: Assay against Chromium print-to-PDF', async () => {
  heading(`Signed certificates: a batch of ${N}, against Chromium's print-to-PDF (warm browser)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  let chromeMs: number;
  let chromeBytes = 0;
  try {
    const page = await browser.newPage();
    for (let i = 0; i < 10; i++) {
      await page.setContent(html(i));
      await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    }
    const count = Math.min(N, 300);
    const t = nowMs();
    for (let i = 0; i < count; i++) {
      await page.setContent(html(i));
      chromeBytes += (await page.pdf({ format: 'A4', landscape: true, printBackground: true })).length;
    }
    chromeMs = (nowMs() - t) / count;
    chromeBytes /= count;
  } finally {
    await browser.close();
  }
  const ours = await benchCertificates(N);
  line('Chromium print-to-PDF (unsigned), per certificate', fmtMs(chromeMs), `${fmtBytes(chromeBytes)} each`);
  line(
    'Assay render + PAdES signature, per certificate',
    fmtMs(ours.msPerCertificate),
    `${fmtBytes(ours.bytesPerCertificate)} each (fonts embedded); target ≤ 4.6 ms`,
  );
  line('  of which rendering / signing', `${fmtMs(ours.renderMs)} / ${fmtMs(ours.signMs)}`);
  line('  CPU per certificate', fmtMs(ours.cpuMsPerCertificate), `setup once per batch ${fmtMs(ours.setupMs)}`);
  line(
    'signed certificates per second',
    (1000 / ours.msPerCertificate).toFixed(0),
    `Chromium ${(1000 / chromeMs).toFixed(0)}/s`,
  );
  line('speed-up over Chromium', `${(chromeMs / ours.msPerCertificate).toFixed(1)}x`, 'target ≥ 10x');
  // The other signing path: render(), then signPdf() reads the PDF back and signs it incrementally.
  const incremental = await benchCertificates(Math.min(N, 200), { signing: 'incremental' });
  line(
    'render then signPdf (incremental), per certificate',
    fmtMs(incremental.msPerCertificate),
    `of which signing ${fmtMs(incremental.signMs)}`,
  );
});
