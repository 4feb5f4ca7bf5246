// CertificateRenderer: one per batch, the entry to the certificate builder. It keeps the loaded fonts
// (each certificate embeds subsets of its own characters) and the caches a batch shares, and puts the parts together: the words
// (labels.ts), where they go (layout.ts) and the PDF around them (pdf/assemble.ts): landscape A4 or
// US Letter, a vector QR code with a signed compact proof, credential.json attached; optionally signed
// (PAdES B-B, sign.ts).
import type { KeyObject } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '../identity/identity.js';
import type { FaceSpec, FontStyle, PreparedFont } from './fonts/catalog.js';
import { ENGLISH_LABELS, type CertificateLabels } from './labels.js';
import { qrKeyId } from './qr.js';
import { layoutCertificate, type Layout, type LayoutTools } from './layout.js';
import { PdfAssembler, savePdf } from './pdf/assemble.js';
import { addSignatureField, fillSignature, type SignaturePlaceholder, type SignOptions } from './sign.js';
import { FontSet, shapeLine, wrapText, type ShapedLine, type TextStyle } from './text/layout.js';
import type { CertificateAward } from './types.js';

export interface CertificateRendererOptions {
  /** Signs the QR payload with the identity's Ed25519 badge key. */
  identity?: SigningIdentity;
  /** Or any Ed25519 signer for the QR payload, with its public key (the QR names the key by its id). */
  signQr?: (data: Buffer) => Buffer;
  qrPublicKey?: KeyObject;
  labels?: Partial<CertificateLabels>;
  /** Where to find font files instead of node_modules (same <package>/<file> layout). */
  fontDir?: string;
  /** Render time for the document dates (default: now). */
  now?: () => Date;
}

export class CertificateRenderer {
  readonly labels: CertificateLabels;
  readonly #fonts: FontSet;
  readonly #signQr: (data: Buffer) => Buffer;
  readonly #qrKeyId: string;
  readonly #now: () => Date;
  readonly #shapes = new Map<string, ShapedLine>();
  readonly #wraps = new Map<string, string[]>();
  readonly #dateFormat: Intl.DateTimeFormat;
  readonly #pdf = new PdfAssembler();
  readonly #tools: LayoutTools;

  constructor(options: CertificateRendererOptions = {}) {
    this.labels = { ...ENGLISH_LABELS, ...options.labels };
    this.#fonts = new FontSet(options.fontDir ? { fontDir: options.fontDir } : {});
    const identity = options.identity;
    const signQr = options.signQr ?? (identity ? (data: Buffer) => identity.signWithBadgeKey(data) : undefined);
    if (!signQr) throw new TypeError('CertificateRenderer: pass the issuer identity (or signQr) to sign the QR code');
    this.#signQr = signQr;
    const qrKey = options.signQr ? options.qrPublicKey : (options.qrPublicKey ?? identity?.badgePublicKey);
    if (!qrKey) throw new TypeError('CertificateRenderer: pass qrPublicKey with signQr (the QR names its key)');
    this.#qrKeyId = qrKeyId(qrKey);
    this.#now = options.now ?? (() => new Date());
    this.#dateFormat = new Intl.DateTimeFormat(this.labels.locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.#tools = {
      labels: this.labels,
      dateFormat: this.#dateFormat,
      fontSet: this.#fonts,
      shape: (text, font, fonts) => this.shape(text, font, fonts),
      wrap: (text, style, width, fonts) => this.wrap(text, style, width, fonts),
      logo: (png) => this.#pdf.logo(png),
      signQr: this.#signQr,
      qrKeyId: this.#qrKeyId,
    };
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
            throw new Error(
              `CertificateRenderer: "${text}" was not collected for font preparation (U+${cp.toString(16)})`,
            );
          }
        }
      }
    }
    // Shaped lines hold their fonts, each a certificate's subset with its HarfBuzz face (wasm memory freed
    // only when the face is collected): kept for the last few certificates only, so a batch's memory
    // stays flat (4,096 lines, about 130 certificates' subsets, made an export of 1,000 grow by 80 MiB).
    if (this.#shapes.size > 512) this.#shapes.clear();
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
    return savePdf(doc);
  }

  /**
   * Renders one certificate signed (PAdES B-B) in one go: the signature field is part of the document
   * pdf-lib saves, and only its placeholders are filled afterwards (no re-parsing, no incremental update).
   */
  async renderSigned(
    award: CertificateAward,
    identity: SigningIdentity,
    options: SignOptions = {},
  ): Promise<Uint8Array> {
    const { pdf, placeholder } = await this.renderWithSignatureField(award, identity, options);
    return fillSignature(pdf, identity, placeholder);
  }

  /** The first half of renderSigned: the saved document with its signature placeholders still empty. */
  async renderWithSignatureField(
    award: CertificateAward,
    identity: SigningIdentity,
    options: SignOptions = {},
  ): Promise<{ pdf: Buffer; placeholder: SignaturePlaceholder }> {
    const doc = await this.assemble(award, this.layout(award));
    const placeholder = addSignatureField(doc, identity, options);
    return { pdf: await savePdf(doc), placeholder };
  }

  private layout(award: CertificateAward): Layout {
    return layoutCertificate(this.#tools, award);
  }

  private assemble(award: CertificateAward, layout: Layout): Promise<PDFDocument> {
    return this.#pdf.assemble(award, layout, this.labels, this.#now());
  }
}
