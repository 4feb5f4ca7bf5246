// Where everything on a certificate goes: page 1 (issuer, title, earner, achievement, the signature
// row with its seal, the QR code and the credits) and the criteria pages, as content streams, with the
// fonts each page uses. Pure layout: the words come from the labels, the PDF objects from pdf/assemble.
import { Content, FontRegistry, formatNumber, type Align, type Rgb, type TaggedLine } from './content.js';
import { BAND, GOLD, GOLD_LIGHT, INK, MUTED, NAVY, plainFrameContent, rule, sealShapes } from './design.js';
import type { FaceSpec, FontStyle, PreparedFont } from './fonts/catalog.js';
import { awardTexts, isoDay, sealText, toDate, type CertificateLabels } from './labels.js';
import { makeQrPayload, qrBits, qrDraw, qrMatrix, statusEntryOf, verifyPageUrlOf } from './qr.js';
import { joinLines, lineWidth, type FontSet, type ShapedLine, type TextStyle } from './text/layout.js';
import { PAPER_SIZES, type CertificateAward, type Paper } from './types.js';

/** The smallest QR module on paper: 0.5 mm (1.41732 pt), rounded up to the 1/10000 pt qrDraw writes. */
export const QR_MIN_MODULE = Math.ceil(((0.5 * 72) / 25.4) * 10000) / 10000;

/** A logo ready to embed: its RGB samples and alpha (if any), each deflated. */
export interface LogoImage {
  width: number;
  height: number;
  rgb: Buffer;
  alpha?: Buffer;
}

export interface LaidOutPage {
  content: Content;
  frame: 'Frame' | 'Plain';
  logo: boolean;
}

export interface Layout {
  pages: LaidOutPage[];
  registry: FontRegistry;
  W: number;
  H: number;
  logo: LogoImage | null;
  /** The QR code page 1 draws as the image mask /QR: modules per side and one bit per module. */
  qr: { size: number; bits: Buffer };
  issued: Date;
}

/** What laying out needs from the renderer: its labels, its fonts and the caches it keeps for a batch. */
export interface LayoutTools {
  labels: CertificateLabels;
  dateFormat: Intl.DateTimeFormat;
  fontSet: FontSet;
  shape(text: string, font: FontStyle, fonts: ReadonlyMap<FaceSpec, PreparedFont>): ShapedLine;
  wrap(text: string, style: TextStyle, width: number, fonts: ReadonlyMap<FaceSpec, PreparedFont>): string[];
  logo(png: Buffer | undefined): LogoImage | null;
  signQr(data: Buffer): Buffer;
  /** The id of the key signQr signs with, named in the QR's proof. */
  qrKeyId: string;
}

/** Lays a certificate out: its pages' content streams and the glyphs each font has to provide. */
export function layoutCertificate(t: LayoutTools, award: CertificateAward): Layout {
  for (const field of [
    'credentialId',
    'verificationCode',
    'earnerName',
    'achievementName',
    'assessorName',
    'credentialJson',
  ] as const) {
    if (typeof award[field] !== 'string' || !award[field].trim())
      throw new TypeError(`CertificateRenderer: award.${field} is empty`);
  }
  if (!award.issuer.name.trim()) throw new TypeError('CertificateRenderer: award.issuer.name is empty');
  // The type says a4 or letter; a caller's settings file may still say something else.
  const paper = PAPER_SIZES[award.paper] as (typeof PAPER_SIZES)[Paper] | undefined;
  if (!paper) throw new TypeError(`CertificateRenderer: paper "${award.paper}" is not a4 or letter`);
  const L = t.labels;
  const issued = toDate(award.issuedAt);

  // Fonts: every face this certificate uses, subset (batch faces once, CJK per certificate).
  const needs = t.fontSet.collect(awardTexts(L, t.dateFormat, award));
  const fonts = new Map<FaceSpec, PreparedFont>();
  for (const [spec, chars] of needs) fonts.set(spec, t.fontSet.subsets(spec).get(chars));

  const registry = new FontRegistry();
  const W = paper.width;
  const H = paper.height;
  const cx = W / 2;
  const c = new Content(registry, true);
  const draw = (
    text: string,
    style: TextStyle,
    x: number,
    y: number,
    align: Align,
    color: Rgb,
    role: TaggedLine['role'] = 'P',
  ): number => c.text(t.shape(text, style.font, fonts), style, x, y, align, color, role);
  const fit = (text: string, style: TextStyle, maxWidth: number, minSize: number): TextStyle => {
    const w = lineWidth(t.shape(text, style.font, fonts), style);
    return w <= maxWidth ? style : { ...style, size: Math.max(minSize, (style.size * maxWidth) / w) };
  };

  c.op('/Frame Do');
  // Logo and issuer
  const logo = t.logo(award.issuer.logoPng);
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
  const issuerStyle = fit(
    award.issuer.name.toLocaleUpperCase(L.locale),
    { font: 'semibold', size: 12.5, tracking: 0.16 },
    W - 220,
    8,
  );
  draw(award.issuer.name.toLocaleUpperCase(L.locale), issuerStyle, cx, y, 'center', NAVY);
  y -= 14;
  rule(c, cx, y, 110);

  // Title
  y -= 40;
  draw(
    L.title.toLocaleUpperCase(L.locale),
    { font: 'semibold', size: 42, tracking: 0.14 },
    cx,
    y,
    'center',
    NAVY,
    'H1',
  );
  y -= 28;
  draw(L.titleSub, { font: 'italic', size: 24 }, cx, y, 'center', GOLD, 'H1');

  // Earner
  y -= 30;
  draw(L.presented, { font: 'italic', size: 14 }, cx, y, 'center', MUTED);
  y -= 40;
  const nameStyle = fit(award.earnerName, { font: 'semibold', size: 36 }, W - 200, 16);
  const nameWidth = draw(award.earnerName, nameStyle, cx, y, 'center', INK);
  const half = Math.max(150, nameWidth / 2 + 30);
  c.save()
    .stroke(GOLD)
    .lineWidth(0.8)
    .line(cx - half, y - 12, cx + half, y - 12)
    .restore();

  // Achievement
  y -= 32;
  draw(L.demonstrated, { font: 'italic', size: 13 }, cx, y, 'center', MUTED);
  y -= 28;
  draw(
    award.achievementName,
    fit(award.achievementName, { font: 'semibold', size: 23 }, W - 220, 12),
    cx,
    y,
    'center',
    NAVY,
  );
  let descStyle: TextStyle = { font: 'italic', size: 11.5 };
  const descWidth = Math.min(560, W - 260);
  let lines = t.wrap(award.achievementDescription, descStyle, descWidth, fonts);
  if (lines.length > 3) {
    descStyle = { font: 'italic', size: 10.2 };
    lines = t.wrap(award.achievementDescription, descStyle, descWidth, fonts);
  }
  if (lines.length > 4) lines = [...lines.slice(0, 3), `${lines[3]!.replace(/\s*\S*$/, '')} …`];
  y -= 20;
  for (const line of lines) {
    c.text(t.shape(line, descStyle.font, fonts), descStyle, cx, y, 'center', INK);
    y -= descStyle.size * 1.32;
  }

  // QR code: the verify page's URL with the signed proof in its fragment, bottom left
  const status = statusEntryOf(award.credentialJson);
  const verifyPageUrl = verifyPageUrlOf(award);
  const payload = makeQrPayload(
    {
      id: award.credentialId,
      n: award.earnerName,
      a: award.achievementName,
      d: isoDay(issued),
      c: award.verificationCode,
      ...(status ? { status } : {}),
    },
    (data) => t.signQr(data),
    { keyId: t.qrKeyId, ...(verifyPageUrl ? { verifyPageUrl } : {}) },
  );
  const matrix = qrMatrix(payload);
  // Modules of at least QR_MIN_MODULE (0.5 mm) on paper, so phone cameras read the code; a long
  // payload makes the symbol larger, never its modules smaller.
  const module = Math.max(74 / matrix.size, QR_MIN_MODULE);
  const qrSize = module * matrix.size;
  const qrX = BAND.inner + 16;
  const qrY = BAND.inner + 14;
  // Signature row: date, seal, assessor; drawn closer to the seal when a large QR code reaches up to it
  const rowY = 172;
  const qrRight = qrX + qrSize + 10;
  const colDx =
    qrY + qrSize > rowY - 36 ? Math.max(135, Math.min(212, W * 0.255, cx - qrRight - 85)) : Math.min(212, W * 0.255);
  const date = t.dateFormat.format(issued);
  draw(date, { font: 'italic', size: 14 }, cx - colDx, rowY, 'center', INK);
  c.save()
    .stroke(NAVY)
    .lineWidth(0.5)
    .line(cx - colDx - 78, rowY - 8, cx - colDx + 78, rowY - 8)
    .restore();
  draw(L.dateLabel, { font: 'italic', size: 10 }, cx - colDx, rowY - 21, 'center', MUTED);
  const assessorStyle = fit(award.assessorName, { font: 'italic', size: 17 }, 170, 9);
  draw(award.assessorName, assessorStyle, cx + colDx, rowY, 'center', INK);
  c.save()
    .stroke(NAVY)
    .lineWidth(0.5)
    .line(cx + colDx - 78, rowY - 8, cx + colDx + 78, rowY - 8)
    .restore();
  draw(L.assessorLabel, { font: 'italic', size: 10 }, cx + colDx, rowY - 21, 'center', MUTED);

  const sealR = 42;
  const sealY = rowY - 40;
  sealShapes(c, cx, sealY, sealR);
  const ring = sealText(L, award);
  const ringStyle: TextStyle = { font: 'semibold', size: 6.4, tracking: 0.1 };
  const ringLine = t.shape(ring, 'semibold', fonts);
  const ringRadius = sealR - 16.2;
  const fullCircle = 2 * Math.PI * ringRadius * 0.92;
  const ringFit =
    lineWidth(ringLine, ringStyle) > fullCircle
      ? { ...ringStyle, size: (ringStyle.size * fullCircle) / lineWidth(ringLine, ringStyle) }
      : ringStyle;
  // about the seal's centre (the origin moved there): the glyphs' matrices hold shorter numbers
  c.save().op(`1 0 0 1 ${formatNumber(cx)} ${formatNumber(sealY)} cm`);
  c.textOnCircle(ringLine, ringFit, 0, 0, ringRadius, GOLD_LIGHT);
  c.restore();
  draw(
    String(issued.getUTCFullYear()),
    { font: 'semibold', size: 9.5, tracking: 0.08 },
    cx,
    sealY - 11,
    'center',
    GOLD_LIGHT,
  );

  c.save()
    .fill([255, 255, 255])
    .rect(qrX - 3, qrY - 3, qrSize + 6, qrSize + 6)
    .op('f')
    .fill(NAVY)
    .op(qrDraw(matrix.size, qrX, qrY, module))
    .restore();
  const capX = qrX + qrSize + 10;
  draw(
    L.verificationCode.toLocaleUpperCase(L.locale),
    { font: 'semibold', size: 6.5, tracking: 0.14 },
    capX,
    qrY + 50,
    'left',
    MUTED,
  );
  draw(award.verificationCode, { font: 'semibold', size: 13, tracking: 0.06 }, capX, qrY + 35, 'left', NAVY);
  const url = award.verificationUrl ?? verifyPageUrl;
  if (url) {
    const verify = L.verifyAt(url);
    draw(verify, fit(verify, { font: 'italic', size: 7.5 }, 150, 5), capX, qrY + 22, 'left', MUTED);
  }
  draw(L.scanToVerify, { font: 'italic', size: 7.5 }, capX, qrY + 10, 'left', MUTED);

  // Credits, bottom right
  if (award.credits) {
    const credit = L.credits(award.credits.amount, award.credits.unit);
    const rx = W - BAND.inner - 24;
    draw(credit.amount, { font: 'semibold', size: 30 }, rx - 60, qrY + 30, 'center', NAVY);
    const unitStyle: TextStyle = { font: 'italic', size: 9 };
    const unitLines = t.wrap(credit.unit, unitStyle, 112, fonts);
    let uy = qrY + 16;
    for (const line of unitLines.slice(0, 3)) {
      c.text(t.shape(line, 'italic', fonts), unitStyle, rx - 60, uy, 'center', MUTED);
      uy -= 10.5;
    }
    draw(
      L.creditsLabel.toLocaleUpperCase(L.locale),
      { font: 'semibold', size: 6.5, tracking: 0.14 },
      rx - 60,
      qrY + 64,
      'center',
      MUTED,
    );
    c.save()
      .stroke(GOLD)
      .lineWidth(0.5)
      .line(rx - 110, qrY + 58, rx - 10, qrY + 58)
      .restore();
  }

  // Footer
  const footer = L.footer(award.credentialId, award.issuer.name);
  draw(
    footer,
    fit(footer, { font: 'italic', size: 6.8 }, W - 2 * BAND.inner - 240, 4.5),
    cx,
    BAND.inner + 6,
    'center',
    MUTED,
  );

  const pages: LaidOutPage[] = [{ content: c, frame: 'Frame', logo: Boolean(logo) }];
  if (award.levels.length) for (const page of criteriaPages(t, award, W, H, fonts, registry)) pages.push(page);
  return { pages, registry, W, H, logo, qr: { size: matrix.size, bits: qrBits(matrix) }, issued };
}

function criteriaPages(
  t: LayoutTools,
  award: CertificateAward,
  W: number,
  H: number,
  fonts: ReadonlyMap<FaceSpec, PreparedFont>,
  registry: FontRegistry,
): { content: Content; frame: 'Plain'; logo: boolean }[] {
  const L = t.labels;
  const left = 72;
  const right = W - 72;
  const levelCol = 170;
  const critWidth = right - left - levelCol - 24;
  const rowStyle: TextStyle = { font: 'italic', size: 11 };
  const levelStyle: TextStyle = { font: 'semibold', size: 11 };
  const headerStyle: TextStyle = { font: 'semibold', size: 8, tracking: 0.14 };
  const pages: Content[] = [];
  let c!: Content;
  let y = 0;
  const newPage = (): void => {
    c = new Content(registry, true);
    // the continuation frame drawn in the page (a form XObject of its own cost more than its few operators)
    c.op(plainFrameContent(W, H));
    pages.push(c);
    y = H - 82;
    c.text(t.shape(L.criteriaTitle, 'semibold', fonts), { font: 'semibold', size: 24 }, W / 2, y, 'center', NAVY, 'H1');
    y -= 22;
    // The name in the face it is set in on page 1: its glyphs are embedded once (set in the italic, a name in
    // Greek, Arabic, Hebrew or CJK added its letters to a second face: 0.5–1.4 KB a certificate).
    const subLine = joinLines(
      t.shape(`${award.achievementName} · `, 'italic', fonts),
      t.shape(award.earnerName, 'semibold', fonts),
    );
    const subStyle: TextStyle = { font: 'italic', size: 13 };
    const w = lineWidth(subLine, subStyle);
    c.text(
      subLine,
      w > right - left ? { ...subStyle, size: (13 * (right - left)) / w } : subStyle,
      W / 2,
      y,
      'center',
      MUTED,
    );
    y -= 14;
    rule(c, W / 2, y, 90);
    y -= 30;
    c.text(
      t.shape(L.criterionHeader.toLocaleUpperCase(L.locale), 'semibold', fonts),
      headerStyle,
      left + 8,
      y,
      'left',
      GOLD,
    );
    c.text(
      t.shape(L.levelHeader.toLocaleUpperCase(L.locale), 'semibold', fonts),
      headerStyle,
      right - 8,
      y,
      'right',
      GOLD,
    );
    y -= 8;
    c.save().stroke(NAVY).lineWidth(0.8).line(left, y, right, y).restore();
  };
  newPage();
  award.levels.forEach((row, index) => {
    const lines = t.wrap(row.criterion, rowStyle, critWidth, fonts);
    const height = lines.length * 14 + 12;
    if (y - height < 80) newPage();
    if (index % 2 === 0)
      c.save()
        .fill([244, 239, 226])
        .rect(left, y - height, right - left, height)
        .op('f')
        .restore();
    let ly = y - 17;
    for (const line of lines) {
      c.text(t.shape(line, 'italic', fonts), rowStyle, left + 8, ly, 'left', INK);
      ly -= 14;
    }
    const level = t.shape(row.level, 'semibold', fonts);
    const lw = lineWidth(level, levelStyle);
    c.text(
      level,
      lw > levelCol ? { ...levelStyle, size: (11 * levelCol) / lw } : levelStyle,
      right - 8,
      y - 17,
      'right',
      NAVY,
    );
    y -= height;
    c.save().stroke(GOLD_LIGHT).lineWidth(0.4).line(left, y, right, y).restore();
  });
  const total = pages.length + 1;
  pages.forEach((p, i) => {
    // The code in the face page 1 sets it in, as the name above: its letters are embedded once.
    const line = joinLines(
      joinLines(t.shape(`${L.verificationCode} `, 'italic', fonts), t.shape(award.verificationCode, 'semibold', fonts)),
      t.shape(`  ·  ${L.page(i + 2, total)}`, 'italic', fonts),
    );
    p.text(line, { font: 'italic', size: 8 }, W / 2, 46, 'center', MUTED);
  });
  return pages.map((content) => ({ content, frame: 'Plain' as const, logo: false }));
}
