// CertificateRenderer: one per batch. It keeps the fonts (subset to the batch's characters), the frame
// artwork, the logo image and the colour profile compressed once, lays each certificate out as content
// streams and assembles its PDF with pdf-lib: landscape A4 or US Letter, every font embedded and subset
// (HarfBuzz subsets as Type0 fonts), a vector QR code with a signed compact proof, credential.json
// attached (PDF/A-3 style, /AF), XMP metadata and an sRGB output intent; optionally signed (PAdES B-B).
import crypto from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFDict, type PDFRef, type SaveOptions } from 'pdf-lib';
import type { SigningIdentity } from '../identity/identity.js';
import { Content, FontRegistry, type Align, type Rgb } from './content.js';
import { BAND, GOLD, GOLD_LIGHT, INK, MUTED, NAVY, frameContent, framePatternMatrices, guillocheCell, PATTERN_CELL, plainFrameContent, rule, sealShapes } from './design.js';
import type { FaceSpec, FontStyle, PreparedFont } from './fonts/catalog.js';
import { srgbProfile } from './icc.js';
import { Type0Fonts } from './pdf/fonts.js';
import { decodePng } from './png.js';
import { makeQrPayload, qrMatrix, qrPath } from './qr.js';
import { addSignatureField, fillSignature, type SignaturePlaceholder, type SignOptions } from './sign.js';
import { FontSet, lineWidth, shapeLine, wrapText, type ShapedLine, type TextStyle } from './text/layout.js';
import { PAPER_SIZES, type CertificateAward, type Paper } from './types.js';

export interface CertificateLabels {
  locale: string;
  title: string;
  titleSub: string;
  presented: string;
  demonstrated: string;
  dateLabel: string;
  assessorLabel: string;
  verificationCode: string;
  verifyAt: (url: string) => string;
  scanToVerify: string;
  credits: (amount: number, unit: string) => { amount: string; unit: string };
  creditsLabel: string;
  seal: string;
  footer: (credentialId: string, issuer: string) => string;
  criteriaTitle: string;
  criterionHeader: string;
  levelHeader: string;
  page: (n: number, of: number) => string;
}

export const ENGLISH_LABELS: CertificateLabels = {
  locale: 'en-GB',
  title: 'Certificate',
  titleSub: 'of Achievement',
  presented: 'This is to certify that',
  demonstrated: 'has demonstrated the competencies of the micro-credential',
  dateLabel: 'Date of award',
  assessorLabel: 'Assessor',
  verificationCode: 'Verification code',
  verifyAt: (url) => `Verify at ${url.replace(/^https?:\/\//, '')}`,
  scanToVerify: 'Scan to verify',
  credits: (amount, unit) => ({ amount: String(amount), unit }),
  creditsLabel: 'Credit awarded',
  seal: 'Certified achievement',
  footer: (id, issuer) => `Credential ${id}  ·  Digitally signed by ${issuer}`,
  criteriaTitle: 'Criteria achieved',
  criterionHeader: 'Criterion',
  levelHeader: 'Level achieved',
  page: (n, of) => `Page ${n} of ${of}`,
};

export interface CertificateRendererOptions {
  /** Signs the QR payload with the identity's Ed25519 badge key. */
  identity?: SigningIdentity;
  /** Or any Ed25519 signer for the QR payload. */
  signQr?: (data: Buffer) => Buffer;
  labels?: Partial<CertificateLabels>;
  /** The batch's awards: fonts are subset once to every character they use. */
  batch?: readonly CertificateAward[];
  /** Where to find font files instead of node_modules (same <package>/<file> layout). */
  fontDir?: string;
  /** Render time for the document dates (default: now). */
  now?: () => Date;
}

interface Shared {
  frame: Buffer;
  plainFrame: Buffer;
  patternMatrices: ReturnType<typeof framePatternMatrices>;
}

interface LogoImage {
  width: number;
  height: number;
  rgb: Buffer;
  alpha?: Buffer;
}

type TextSpec = { text: string; style: FontStyle };

interface Layout {
  pages: { content: Content; frame: 'Frame' | 'Plain'; logo: boolean }[];
  registry: FontRegistry;
  W: number;
  H: number;
  logo: LogoImage | null;
  issued: Date;
}

/** Classic cross-reference table, no object streams; no yielding to the event loop while writing. */
const SAVE_OPTIONS: SaveOptions = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new TypeError(`CertificateRenderer: issuedAt "${value}" is not a date`);
  return d;
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export class CertificateRenderer {
  readonly labels: CertificateLabels;
  readonly #fonts: FontSet;
  readonly #signQr: (data: Buffer) => Buffer;
  readonly #now: () => Date;
  readonly #shared = new Map<Paper, Shared>();
  readonly #logos = new WeakMap<Buffer, LogoImage | null>();
  readonly #shapes = new Map<string, ShapedLine>();
  readonly #wraps = new Map<string, string[]>();
  readonly #dateFormat: Intl.DateTimeFormat;
  readonly #pattern: Buffer;
  readonly #icc: Buffer;
  readonly #type0 = new Type0Fonts();

  constructor(options: CertificateRendererOptions = {}) {
    this.labels = { ...ENGLISH_LABELS, ...options.labels };
    this.#fonts = new FontSet(options.fontDir ? { fontDir: options.fontDir } : {});
    const identity = options.identity;
    const signQr = options.signQr ?? (identity ? (data: Buffer) => identity.signWithBadgeKey(data) : undefined);
    if (!signQr) throw new TypeError('CertificateRenderer: pass the issuer identity (or signQr) to sign the QR code');
    this.#signQr = signQr;
    this.#now = options.now ?? (() => new Date());
    this.#dateFormat = new Intl.DateTimeFormat(this.labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.#pattern = deflateSync(guillocheCell());
    this.#icc = deflateSync(srgbProfile());
    this.prepare(options.batch ?? []);
  }

  /** Subsets the batch fonts once to every character these awards (and the labels) use. */
  prepare(awards: readonly CertificateAward[]): void {
    const texts: TextSpec[] = [];
    const sample = awards[0];
    // Loops, not push(...many): an award's texts grow with its criteria, and spreads overflow the stack.
    for (const award of sample ? awards : []) for (const t of this.texts(award)) texts.push(t);
    if (!sample) for (const t of this.staticTexts()) texts.push(t);
    const needs = this.#fonts.collect(texts);
    for (const [spec, chars] of needs) this.#fonts.subsets(spec).reserve(chars);
  }

  private staticTexts(): TextSpec[] {
    const L = this.labels;
    return [
      { text: L.title.toLocaleUpperCase(L.locale), style: 'semibold' },
      { text: L.titleSub, style: 'italic' },
      { text: L.presented, style: 'italic' },
      { text: L.demonstrated, style: 'italic' },
      { text: `${L.dateLabel}${L.assessorLabel}${L.scanToVerify}${L.page(1, 2)}0123456789`, style: 'italic' },
      { text: `${L.verificationCode} ${L.page(1, 2)} 0123456789 ·`, style: 'regular' },
      { text: `${L.verificationCode.toLocaleUpperCase(L.locale)}${L.creditsLabel.toLocaleUpperCase(L.locale)}${L.seal.toLocaleUpperCase(L.locale)}0123456789-·•`, style: 'semibold' },
      { text: `${L.criteriaTitle}${L.criterionHeader.toLocaleUpperCase(L.locale)}${L.levelHeader.toLocaleUpperCase(L.locale)}`, style: 'semibold' },
    ];
  }

  /** Every text on the certificate with its font style, for preparing fonts. */
  private texts(award: CertificateAward): TextSpec[] {
    const L = this.labels;
    const date = this.#dateFormat.format(toDate(award.issuedAt));
    const out: TextSpec[] = [
      ...this.staticTexts(),
      { text: award.issuer.name.toLocaleUpperCase(L.locale), style: 'semibold' },
      { text: this.sealText(award), style: 'semibold' },
      { text: award.earnerName, style: 'semibold' },
      { text: award.achievementName, style: 'semibold' },
      { text: award.achievementDescription, style: 'italic' },
      { text: date, style: 'regular' },
      { text: award.assessorName, style: 'italic' },
      { text: award.verificationCode, style: 'semibold' },
      { text: L.verifyAt(award.verificationUrl ?? award.issuer.url ?? ''), style: 'regular' },
      { text: L.footer(award.credentialId, award.issuer.name), style: 'regular' },
    ];
    if (award.credits) {
      const c = L.credits(award.credits.amount, award.credits.unit);
      out.push({ text: c.amount, style: 'semibold' }, { text: c.unit, style: 'italic' });
    }
    if (award.levels.length) {
      out.push({ text: `${award.achievementName} · ${award.earnerName}`, style: 'italic' }, { text: `${L.verificationCode} ${award.verificationCode} · ${L.page(2, 9)}`, style: 'regular' });
      for (const l of award.levels) out.push({ text: l.criterion, style: 'regular' }, { text: l.level, style: 'semibold' });
    }
    return out;
  }

  private sealText(award: CertificateAward): string {
    const L = this.labels;
    const issuer = award.issuer.name.toLocaleUpperCase(L.locale);
    // The ring reads left to right around the seal: use the issuer's name only when it is short and LTR.
    const ltr = !/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(issuer);
    const text = ltr && issuer.length <= 34 ? issuer : L.seal.toLocaleUpperCase(L.locale);
    return `•  ${text}  •`;
  }

  private shared(paper: Paper): Shared {
    let s = this.#shared.get(paper);
    if (!s) {
      const { width, height } = PAPER_SIZES[paper];
      s = {
        frame: deflateSync(frameContent(width, height)),
        plainFrame: deflateSync(plainFrameContent(width, height)),
        patternMatrices: framePatternMatrices(width, height),
      };
      this.#shared.set(paper, s);
    }
    return s;
  }

  private logo(png: Buffer | undefined): LogoImage | null {
    if (!png) return null;
    const cached = this.#logos.get(png);
    if (cached !== undefined) return cached;
    let image: LogoImage | null = null;
    try {
      const raster = decodePng(png);
      const n = raster.width * raster.height;
      const rgb = Buffer.alloc(n * 3);
      let alpha: Buffer | undefined;
      if (raster.channels === 4) {
        alpha = Buffer.alloc(n);
        for (let i = 0; i < n; i++) {
          rgb[i * 3] = raster.pixels[i * 4]!;
          rgb[i * 3 + 1] = raster.pixels[i * 4 + 1]!;
          rgb[i * 3 + 2] = raster.pixels[i * 4 + 2]!;
          alpha[i] = raster.pixels[i * 4 + 3]!;
        }
      } else rgb.set(raster.pixels);
      image = { width: raster.width, height: raster.height, rgb: deflateSync(rgb), ...(alpha ? { alpha: deflateSync(alpha) } : {}) };
    } catch {
      image = null; // an unreadable logo is left out rather than failing the certificate
    }
    this.#logos.set(png, image);
    return image;
  }

  private shape(text: string, font: FontStyle, fonts: ReadonlyMap<FaceSpec, PreparedFont>): ShapedLine {
    const key = `${font}\u0000${text}`;
    const hit = this.#shapes.get(key);
    if (hit && hit.runs.every((r) => fonts.get(r.font.spec) === r.font)) return hit;
    const line = shapeLine(this.#fonts, text, font, fonts);
    if (line.missing) {
      for (const run of line.runs) {
        for (const g of run.glyphs) {
          const cp = text.codePointAt(g.cluster)!;
          if (g.gid === 0 && this.#fonts.covers(run.font.spec, cp) && !run.font.chars.has(cp)) {
            throw new Error(`CertificateRenderer: "${text}" was not collected for font preparation (U+${cp.toString(16)})`);
          }
        }
      }
    }
    if (this.#shapes.size > 4096) this.#shapes.clear();
    this.#shapes.set(key, line);
    return line;
  }

  private wrap(text: string, style: TextStyle, width: number, fonts: ReadonlyMap<FaceSpec, PreparedFont>): string[] {
    // Advances do not depend on which subset of a face is used, so the text, style and width are the key.
    const key = `${style.font}\u0000${style.size}\u0000${style.tracking ?? 0}\u0000${width}\u0000${text}`;
    const hit = this.#wraps.get(key);
    if (hit) return hit;
    const lines = wrapText(this.#fonts, text, style, width, fonts);
    if (this.#wraps.size > 2048) this.#wraps.clear();
    this.#wraps.set(key, lines);
    return lines;
  }

  /** Renders one certificate as an unsigned PDF. */
  async render(award: CertificateAward): Promise<Uint8Array> {
    const doc = await this.assemble(award, this.layout(award));
    return doc.save(SAVE_OPTIONS);
  }

  /**
   * Renders one certificate signed (PAdES B-B) in one go: the signature field is part of the document
   * pdf-lib saves, and only its placeholders are filled afterwards (no re-parsing, no incremental update).
   */
  async renderSigned(award: CertificateAward, identity: SigningIdentity, options: SignOptions = {}): Promise<Uint8Array> {
    const { pdf, placeholder } = await this.renderWithSignatureField(award, identity, options);
    return fillSignature(pdf, identity, placeholder);
  }

  /** The first half of renderSigned: the saved document with its signature placeholders still empty. */
  async renderWithSignatureField(award: CertificateAward, identity: SigningIdentity, options: SignOptions = {}): Promise<{ pdf: Buffer; placeholder: SignaturePlaceholder }> {
    const doc = await this.assemble(award, this.layout(award));
    const placeholder = addSignatureField(doc, identity, options);
    const saved = await doc.save(SAVE_OPTIONS);
    return { pdf: Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength), placeholder };
  }

  /** Lays a certificate out: its pages' content streams and the glyphs each font has to provide. */
  private layout(award: CertificateAward): Layout {
    for (const field of ['credentialId', 'verificationCode', 'earnerName', 'achievementName', 'assessorName', 'credentialJson'] as const) {
      if (typeof award[field] !== 'string' || !award[field].trim()) throw new TypeError(`CertificateRenderer: award.${field} is empty`);
    }
    if (!award.issuer?.name?.trim()) throw new TypeError('CertificateRenderer: award.issuer.name is empty');
    const paper = PAPER_SIZES[award.paper];
    if (!paper) throw new TypeError(`CertificateRenderer: paper "${String(award.paper)}" is not a4 or letter`);
    const L = this.labels;
    const issued = toDate(award.issuedAt);

    // Fonts: every face this certificate uses, subset (batch faces once, CJK per certificate).
    const needs = this.#fonts.collect(this.texts(award));
    const fonts = new Map<FaceSpec, PreparedFont>();
    for (const [spec, chars] of needs) fonts.set(spec, this.#fonts.subsets(spec).get(chars));

    const registry = new FontRegistry();
    const W = paper.width;
    const H = paper.height;
    const cx = W / 2;
    const c = new Content(registry);
    const draw = (text: string, style: TextStyle, x: number, y: number, align: Align, color: Rgb): number => c.text(this.shape(text, style.font, fonts), style, x, y, align, color);
    const fit = (text: string, style: TextStyle, maxWidth: number, minSize: number): TextStyle => {
      const w = lineWidth(this.shape(text, style.font, fonts), style);
      return w <= maxWidth ? style : { ...style, size: Math.max(minSize, (style.size * maxWidth) / w) };
    };

    c.op('/Frame Do');
    // Logo and issuer
    const logo = this.logo(award.issuer.logoPng);
    let y = H - 62;
    if (logo) {
      const maxW = 150;
      const maxH = 50;
      const scale = Math.min(maxW / logo.width, maxH / logo.height);
      const w = logo.width * scale;
      const h = logo.height * scale;
      c.xobject('Logo', w, 0, 0, h, cx - w / 2, y - h);
      y -= h + 14;
    } else y -= 34; // no logo: keep the text block centred on the page
    const issuerStyle = fit(award.issuer.name.toLocaleUpperCase(L.locale), { font: 'semibold', size: 12.5, tracking: 0.16 }, W - 220, 8);
    draw(award.issuer.name.toLocaleUpperCase(L.locale), issuerStyle, cx, y, 'center', NAVY);
    y -= 14;
    rule(c, cx, y, 110);

    // Title
    y -= 40;
    draw(L.title.toLocaleUpperCase(L.locale), { font: 'semibold', size: 42, tracking: 0.14 }, cx, y, 'center', NAVY);
    y -= 28;
    draw(L.titleSub, { font: 'italic', size: 24 }, cx, y, 'center', GOLD);

    // Earner
    y -= 30;
    draw(L.presented, { font: 'italic', size: 14 }, cx, y, 'center', MUTED);
    y -= 40;
    const nameStyle = fit(award.earnerName, { font: 'semibold', size: 36 }, W - 200, 16);
    const nameWidth = draw(award.earnerName, nameStyle, cx, y, 'center', INK);
    const half = Math.max(150, nameWidth / 2 + 30);
    c.save().stroke(GOLD).lineWidth(0.8).line(cx - half, y - 12, cx + half, y - 12).restore();

    // Achievement
    y -= 32;
    draw(L.demonstrated, { font: 'italic', size: 13 }, cx, y, 'center', MUTED);
    y -= 28;
    draw(award.achievementName, fit(award.achievementName, { font: 'semibold', size: 23 }, W - 220, 12), cx, y, 'center', NAVY);
    let descStyle: TextStyle = { font: 'italic', size: 11.5 };
    const descWidth = Math.min(560, W - 260);
    let lines = this.wrap(award.achievementDescription, descStyle, descWidth, fonts);
    if (lines.length > 3) {
      descStyle = { font: 'italic', size: 10.2 };
      lines = this.wrap(award.achievementDescription, descStyle, descWidth, fonts);
    }
    if (lines.length > 4) lines = [...lines.slice(0, 3), `${lines[3]!.replace(/\s*\S*$/, '')} …`];
    y -= 20;
    for (const line of lines) {
      c.text(this.shape(line, descStyle.font, fonts), descStyle, cx, y, 'center', INK);
      y -= descStyle.size * 1.32;
    }

    // Signature row: date, seal, assessor
    const rowY = 172;
    const colDx = Math.min(212, W * 0.255);
    const date = this.#dateFormat.format(issued);
    draw(date, { font: 'regular', size: 14 }, cx - colDx, rowY, 'center', INK);
    c.save().stroke(NAVY).lineWidth(0.5).line(cx - colDx - 78, rowY - 8, cx - colDx + 78, rowY - 8).restore();
    draw(L.dateLabel, { font: 'italic', size: 10 }, cx - colDx, rowY - 21, 'center', MUTED);
    const assessorStyle = fit(award.assessorName, { font: 'italic', size: 17 }, 170, 9);
    draw(award.assessorName, assessorStyle, cx + colDx, rowY, 'center', INK);
    c.save().stroke(NAVY).lineWidth(0.5).line(cx + colDx - 78, rowY - 8, cx + colDx + 78, rowY - 8).restore();
    draw(L.assessorLabel, { font: 'italic', size: 10 }, cx + colDx, rowY - 21, 'center', MUTED);

    const sealR = 42;
    const sealY = rowY - 40;
    sealShapes(c, cx, sealY, sealR);
    const ring = this.sealText(award);
    const ringStyle: TextStyle = { font: 'semibold', size: 6.4, tracking: 0.1 };
    const ringLine = this.shape(ring, 'semibold', fonts);
    const ringRadius = sealR - 16.2;
    const fullCircle = 2 * Math.PI * ringRadius * 0.92;
    const ringFit = lineWidth(ringLine, ringStyle) > fullCircle ? { ...ringStyle, size: (ringStyle.size * fullCircle) / lineWidth(ringLine, ringStyle) } : ringStyle;
    c.textOnCircle(ringLine, ringFit, cx, sealY, ringRadius, GOLD_LIGHT);
    draw(String(issued.getUTCFullYear()), { font: 'semibold', size: 9.5, tracking: 0.08 }, cx, sealY - 11, 'center', GOLD_LIGHT);

    // QR code with the signed proof, bottom left
    const payload = makeQrPayload({ id: award.credentialId, n: award.earnerName, a: award.achievementName, d: isoDay(issued), c: award.verificationCode }, this.#signQr);
    const matrix = qrMatrix(payload);
    const qrSize = 74;
    const qrX = BAND.inner + 16;
    const qrY = BAND.inner + 14;
    const module = qrSize / matrix.size;
    c.save().fill([255, 255, 255]).rect(qrX - 3, qrY - 3, qrSize + 6, qrSize + 6).op('f').fill(NAVY).op(qrPath(matrix, qrX, qrY, module)).restore();
    const capX = qrX + qrSize + 10;
    draw(L.verificationCode.toLocaleUpperCase(L.locale), { font: 'semibold', size: 6.5, tracking: 0.14 }, capX, qrY + 50, 'left', MUTED);
    draw(award.verificationCode, { font: 'semibold', size: 13, tracking: 0.06 }, capX, qrY + 35, 'left', NAVY);
    const url = award.verificationUrl ?? award.issuer.url;
    if (url) {
      const verify = L.verifyAt(url);
      draw(verify, fit(verify, { font: 'regular', size: 7.5 }, 150, 5), capX, qrY + 22, 'left', MUTED);
    }
    draw(L.scanToVerify, { font: 'italic', size: 7.5 }, capX, qrY + 10, 'left', MUTED);

    // Credits, bottom right
    if (award.credits) {
      const credit = L.credits(award.credits.amount, award.credits.unit);
      const rx = W - BAND.inner - 24;
      draw(credit.amount, { font: 'semibold', size: 30 }, rx - 60, qrY + 30, 'center', NAVY);
      const unitStyle: TextStyle = { font: 'italic', size: 9 };
      const unitLines = this.wrap(credit.unit, unitStyle, 112, fonts);
      let uy = qrY + 16;
      for (const line of unitLines.slice(0, 3)) {
        c.text(this.shape(line, 'italic', fonts), unitStyle, rx - 60, uy, 'center', MUTED);
        uy -= 10.5;
      }
      draw(L.creditsLabel.toLocaleUpperCase(L.locale), { font: 'semibold', size: 6.5, tracking: 0.14 }, rx - 60, qrY + 64, 'center', MUTED);
      c.save().stroke(GOLD).lineWidth(0.5).line(rx - 110, qrY + 58, rx - 10, qrY + 58).restore();
    }

    // Footer
    const footer = L.footer(award.credentialId, award.issuer.name);
    draw(footer, fit(footer, { font: 'regular', size: 6.8 }, W - 2 * BAND.inner - 240, 4.5), cx, BAND.inner + 6, 'center', MUTED);

    const pages: { content: Content; frame: 'Frame' | 'Plain'; logo: boolean }[] = [{ content: c, frame: 'Frame', logo: Boolean(logo) }];
    if (award.levels.length) for (const page of this.criteriaPages(award, W, H, fonts, registry)) pages.push(page);
    return { pages, registry, W, H, logo, issued };
  }

  private criteriaPages(award: CertificateAward, W: number, H: number, fonts: ReadonlyMap<FaceSpec, PreparedFont>, registry: FontRegistry): { content: Content; frame: 'Plain'; logo: boolean }[] {
    const L = this.labels;
    const left = 72;
    const right = W - 72;
    const levelCol = 170;
    const critWidth = right - left - levelCol - 24;
    const rowStyle: TextStyle = { font: 'regular', size: 11 };
    const levelStyle: TextStyle = { font: 'semibold', size: 11 };
    const headerStyle: TextStyle = { font: 'semibold', size: 8, tracking: 0.14 };
    const pages: Content[] = [];
    let c!: Content;
    let y = 0;
    const newPage = (): void => {
      c = new Content(registry);
      c.op('/Frame Do');
      pages.push(c);
      y = H - 82;
      c.text(this.shape(L.criteriaTitle, 'semibold', fonts), { font: 'semibold', size: 24 }, W / 2, y, 'center', NAVY);
      y -= 22;
      const sub = `${award.achievementName} · ${award.earnerName}`;
      const subLine = this.shape(sub, 'italic', fonts);
      const subStyle: TextStyle = { font: 'italic', size: 13 };
      const w = lineWidth(subLine, subStyle);
      c.text(subLine, w > right - left ? { ...subStyle, size: (13 * (right - left)) / w } : subStyle, W / 2, y, 'center', MUTED);
      y -= 14;
      rule(c, W / 2, y, 90);
      y -= 30;
      c.text(this.shape(L.criterionHeader.toLocaleUpperCase(L.locale), 'semibold', fonts), headerStyle, left + 8, y, 'left', GOLD);
      c.text(this.shape(L.levelHeader.toLocaleUpperCase(L.locale), 'semibold', fonts), headerStyle, right - 8, y, 'right', GOLD);
      y -= 8;
      c.save().stroke(NAVY).lineWidth(0.8).line(left, y, right, y).restore();
    };
    newPage();
    award.levels.forEach((row, index) => {
      const lines = this.wrap(row.criterion, rowStyle, critWidth, fonts);
      const height = lines.length * 14 + 12;
      if (y - height < 80) newPage();
      if (index % 2 === 0) c.save().fill([244, 239, 226]).rect(left, y - height, right - left, height).op('f').restore();
      let ly = y - 17;
      for (const line of lines) {
        c.text(this.shape(line, 'regular', fonts), rowStyle, left + 8, ly, 'left', INK);
        ly -= 14;
      }
      const level = this.shape(row.level, 'semibold', fonts);
      const lw = lineWidth(level, levelStyle);
      c.text(level, lw > levelCol ? { ...levelStyle, size: (11 * levelCol) / lw } : levelStyle, right - 8, y - 17, 'right', NAVY);
      y -= height;
      c.save().stroke(GOLD_LIGHT).lineWidth(0.4).line(left, y, right, y).restore();
    });
    const total = pages.length + 1;
    pages.forEach((p, i) => {
      const text = `${L.verificationCode} ${award.verificationCode}  ·  ${L.page(i + 2, total)}`;
      p.text(this.shape(text, 'regular', fonts), { font: 'regular', size: 8 }, W / 2, 46, 'center', MUTED);
    });
    return pages.map((content) => ({ content, frame: 'Plain' as const, logo: false }));
  }

  private async assemble(award: CertificateAward, layout: Layout): Promise<PDFDocument> {
    const { pages, registry, W, H, logo, issued } = layout;
    const shared = this.shared(award.paper);
    const now = this.#now();
    const doc = await PDFDocument.create({ updateMetadata: false });
    const ctx = doc.context;

    // Fonts (after all content is laid out, so every glyph is known)
    const fontDict = ctx.obj({});
    for (const use of registry.uses.values()) fontDict.set(PDFName.of(use.resource), this.#type0.embed(ctx, use.font, use.glyphs));

    // Frame artwork: the guilloche band as four tiling patterns, drawn by a form XObject
    const patterns = ctx.obj({});
    for (const [key, matrix] of Object.entries(shared.patternMatrices)) {
      const id = { top: 'PT', bottom: 'PB', left: 'PL', right: 'PR' }[key as keyof typeof shared.patternMatrices];
      const cell = ctx.stream(this.#pattern, { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, PATTERN_CELL.width, PATTERN_CELL.height], XStep: PATTERN_CELL.width, YStep: PATTERN_CELL.height, Matrix: matrix, Resources: {}, Filter: 'FlateDecode' });
      patterns.set(PDFName.of(id), ctx.register(cell));
    }
    const form = (data: Buffer, resources: PDFDict): PDFRef => ctx.register(ctx.stream(data, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, W, H], Resources: resources, Filter: 'FlateDecode' }));
    const frameRef = form(shared.frame, ctx.obj({ Pattern: patterns }));
    const plainRef = pages.some((p) => p.frame === 'Plain') ? form(shared.plainFrame, ctx.obj({})) : undefined;
    let logoRef: PDFRef | undefined;
    if (logo) {
      const image = { Type: 'XObject', Subtype: 'Image', Width: logo.width, Height: logo.height, BitsPerComponent: 8, Filter: 'FlateDecode' };
      const smask = logo.alpha ? ctx.register(ctx.stream(logo.alpha, { ...image, ColorSpace: 'DeviceGray' })) : undefined;
      logoRef = ctx.register(ctx.stream(logo.rgb, { ...image, ColorSpace: 'DeviceRGB', Interpolate: true, SMask: smask }));
    }

    for (const p of pages) {
      const page = doc.addPage([W, H]);
      page.setTrimBox(0, 0, W, H);
      const xobjects = ctx.obj({ Frame: p.frame === 'Frame' ? frameRef : plainRef });
      if (p.logo && logoRef) xobjects.set(PDFName.of('Logo'), logoRef);
      page.node.set(PDFName.Resources, ctx.obj({ Font: fontDict, XObject: xobjects }));
      const content = deflateSync(Buffer.from(p.content.toString(), 'latin1'), { level: 4 });
      page.node.set(PDFName.Contents, ctx.register(ctx.stream(content, { Filter: 'FlateDecode' })));
    }

    // credential.json, attached as the certificate's source (PDF/A-3 associated file, /AF). The objects
    // doc.attach() makes (with /UF in /EF and a /CheckSum besides), but deflated with node's zlib:
    // attach() deflates with pako, measured at about 0.9 ms a certificate.
    const json = Buffer.from(award.credentialJson, 'utf8');
    const file = ctx.register(
      ctx.stream(deflateSync(json), {
        Type: 'EmbeddedFile',
        Subtype: 'application/ld+json',
        Params: { Size: json.length, ModDate: PDFString.fromDate(issued), CheckSum: PDFHexString.of(crypto.createHash('md5').update(json).digest('hex').toUpperCase()) },
        Filter: 'FlateDecode',
      }),
    );
    const filespec = ctx.register(
      ctx.obj({
        Type: 'Filespec',
        F: PDFString.of('credential.json'),
        UF: PDFHexString.fromText('credential.json'),
        EF: { F: file, UF: file },
        Desc: PDFHexString.fromText('Open Badges 3.0 credential (signed) behind this certificate'),
        AFRelationship: 'Source',
      }),
    );
    doc.catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText('credential.json'), filespec] } }));
    doc.catalog.set(PDFName.of('AF'), ctx.obj([filespec]));

    const L = this.labels;
    const title = `${award.achievementName} — ${award.earnerName}`;
    const subject = `${L.title} ${L.titleSub}: ${award.achievementName}`;
    const keywords = `verification code ${award.verificationCode}; ${award.credentialId}`;
    doc.setTitle(title, { showInWindowTitleBar: true });
    doc.setAuthor(award.issuer.name);
    doc.setSubject(subject);
    doc.setKeywords([keywords]);
    doc.setCreator('Assay');
    doc.setProducer('Assay certificate renderer');
    doc.setCreationDate(now);
    doc.setModificationDate(now);
    doc.setLanguage(L.locale);

    const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlEscape(award.issuer.name)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(subject)}</rdf:li></rdf:Alt></dc:description>
<pdf:Keywords>${xmlEscape(keywords)}</pdf:Keywords><pdf:Producer>Assay certificate renderer</pdf:Producer>
<xmp:CreatorTool>Assay</xmp:CreatorTool><xmp:CreateDate>${iso}</xmp:CreateDate><xmp:ModifyDate>${iso}</xmp:ModifyDate><xmp:MetadataDate>${iso}</xmp:MetadataDate>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' })));
    const icc = ctx.register(ctx.stream(this.#icc, { N: 3, Filter: 'FlateDecode' }));
    doc.catalog.set(
      PDFName.of('OutputIntents'),
      ctx.obj([{ Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'), Info: PDFString.of('sRGB IEC61966-2.1'), RegistryName: PDFString.of('http://www.color.org'), DestOutputProfile: icc }]),
    );
    // a stable file identifier: the same certificate rendered at the same time is the same file
    const id = crypto.createHash('sha256').update(award.credentialId).update('\0').update(award.verificationCode).update('\0').update(now.toISOString()).digest().subarray(0, 16).toString('hex').toUpperCase();
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
    return doc;
  }
}
