// PDF assembly with pdf-lib: a laid-out certificate becomes a document — its fonts embedded and
// subset (HarfBuzz subsets as Type0 fonts), the frame artwork and logo as XObjects, credential.json
// attached (PDF/A-3 style, /AF), XMP metadata and an sRGB output intent. One PdfAssembler per batch
// keeps what every certificate shares (frame artwork, pattern cell, colour profile, logos) compressed once.
import crypto from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { bandContent, frameContent, guillocheCell, PATTERN_CELL } from '../design.js';
import { srgbProfile } from '../icc.js';
import type { CertificateLabels } from '../labels.js';
import type { Layout, LogoImage } from '../layout.js';
import { decodePng } from '../png.js';
import { PAPER_SIZES, type CertificateAward, type Paper } from '../types.js';
import { Type0Fonts } from './fonts.js';
import { addStructureTree, type TaggedPage } from './structure.js';
import { textString } from './util.js';
import { writePdf } from './write.js';

/** The document as a file: written compactly (write.ts), with the objects pdf-lib holds back flushed first. */
export async function savePdf(doc: PDFDocument): Promise<Buffer> {
  await doc.flush();
  return writePdf(doc.context);
}

interface Shared {
  frame: Buffer;
  band: Buffer;
  bandLength: number;
}

function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: they are stripped
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export class PdfAssembler {
  readonly #shared = new Map<Paper, Shared>();
  readonly #logos = new WeakMap<Buffer, LogoImage | null>();
  readonly #pattern = deflateSync(guillocheCell());
  readonly #icc = deflateSync(srgbProfile());
  readonly #type0 = new Type0Fonts();

  /** The frame artwork for a paper size, made and compressed once. */
  private shared(paper: Paper): Shared {
    let s = this.#shared.get(paper);
    if (!s) {
      const { width, height } = PAPER_SIZES[paper];
      s = {
        frame: deflateSync(frameContent(width, height)),
        band: deflateSync(bandContent(Math.max(width, height))),
        bandLength: Math.max(width, height),
      };
      this.#shared.set(paper, s);
    }
    return s;
  }

  /** The issuer's logo decoded and compressed once per PNG buffer; null when there is none or it is unreadable. */
  logo(png: Buffer | undefined): LogoImage | null {
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
      image = {
        width: raster.width,
        height: raster.height,
        rgb: deflateSync(rgb),
        ...(alpha ? { alpha: deflateSync(alpha) } : {}),
      };
    } catch {
      image = null; // an unreadable logo is left out rather than failing the certificate
    }
    this.#logos.set(png, image);
    return image;
  }

  /** The document for a laid-out certificate, not yet saved (a signature field may still be added). */
  async assemble(award: CertificateAward, layout: Layout, L: CertificateLabels, now: Date): Promise<PDFDocument> {
    const { pages, registry, W, H, logo, qr, issued } = layout;
    const shared = this.shared(award.paper);
    const doc = await PDFDocument.create({ updateMetadata: false });
    const ctx = doc.context;

    // Fonts (after all content is laid out, so every glyph is known)
    const fontDict = ctx.obj({});
    const fontStreams = new Map<string, PDFRef>();
    for (const use of registry.uses.values())
      fontDict.set(PDFName.of(use.resource), this.#type0.embed(ctx, use.font, use.glyphs, use.remapped, fontStreams));

    // Frame artwork: a form XObject drawing a band form (the guilloche tiling pattern) four times. (XObjects
    // and the pattern go without the optional /Type: a stream dictionary is not compressed.)
    const pattern = ctx.register(
      ctx.stream(this.#pattern, {
        PatternType: 1,
        PaintType: 1,
        TilingType: 1,
        BBox: [0, 0, PATTERN_CELL.width, PATTERN_CELL.height],
        XStep: PATTERN_CELL.width,
        YStep: PATTERN_CELL.height,
        Resources: {},
        Filter: 'FlateDecode',
      }),
    );
    const band = ctx.register(
      ctx.stream(shared.band, {
        Subtype: 'Form',
        BBox: [0, 0, shared.bandLength, PATTERN_CELL.height],
        Resources: { Pattern: { P: pattern } },
        Filter: 'FlateDecode',
      }),
    );
    const form = (data: Buffer, resources: PDFDict): PDFRef =>
      ctx.register(
        ctx.stream(data, {
          Subtype: 'Form',
          BBox: [0, 0, W, H],
          Resources: resources,
          Filter: 'FlateDecode',
        }),
      );
    const frameRef = form(shared.frame, ctx.obj({ XObject: { Band: band } }));
    let logoRef: PDFRef | undefined;
    if (logo) {
      const image = {
        Subtype: 'Image',
        Width: logo.width,
        Height: logo.height,
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      };
      const smask = logo.alpha
        ? ctx.register(ctx.stream(logo.alpha, { ...image, ColorSpace: 'DeviceGray' }))
        : undefined;
      logoRef = ctx.register(
        ctx.stream(logo.rgb, { ...image, ColorSpace: 'DeviceRGB', Interpolate: true, SMask: smask }),
      );
    }

    // The QR code: a 1-bit image mask painted in the fill colour (a set bit is a dark module). Its bits
    // are mostly a signature, which deflate does not shrink: stored as they are unless deflate saves.
    const qrDeflated = deflateSync(qr.bits, { level: 9 });
    const qrRaw = qrDeflated.length + '/Filter/FlateDecode'.length >= qr.bits.length;
    const qrRef = ctx.register(
      ctx.stream(qrRaw ? qr.bits : qrDeflated, {
        Subtype: 'Image',
        Width: qr.size,
        Height: qr.size,
        ImageMask: true,
        Decode: [1, 0],
        Filter: qrRaw ? undefined : 'FlateDecode',
      }),
    );
    const tagged: TaggedPage[] = [];
    for (const p of pages) {
      const page = doc.addPage([W, H]);
      tagged.push({ node: page.node, ref: page.ref, lines: p.content.lines });
      page.setTrimBox(0, 0, W, H);
      const xobjects = ctx.obj(p.frame === 'Frame' ? { Frame: frameRef } : {});
      if (p.logo && logoRef) xobjects.set(PDFName.of('Logo'), logoRef);
      if (p === pages[0]) xobjects.set(PDFName.of('QR'), qrRef);
      page.node.set(PDFName.Resources, ctx.obj({ Font: fontDict, XObject: xobjects }));
      const content = deflateSync(Buffer.from(p.content.toString(), 'latin1'), { level: 9 });
      page.node.set(PDFName.Contents, ctx.register(ctx.stream(content, { Filter: 'FlateDecode' })));
    }

    addStructureTree(ctx, doc.catalog, tagged, L.locale);

    // credential.json, attached as the certificate's source (PDF/A-3 associated file, /AF). The objects
    // doc.attach() makes (with /UF in /EF and a /CheckSum besides), but deflated with node's zlib:
    // attach() deflates with pako, measured at about 0.9 ms a certificate.
    const json = Buffer.from(award.credentialJson, 'utf8');
    const file = ctx.register(
      ctx.stream(deflateSync(json), {
        Type: 'EmbeddedFile',
        Subtype: 'application/ld+json',
        Params: {
          Size: json.length,
          ModDate: PDFString.fromDate(issued),
          CheckSum: PDFHexString.of(crypto.createHash('md5').update(json).digest('hex').toUpperCase()),
        },
        Filter: 'FlateDecode',
      }),
    );
    const filespec = ctx.register(
      ctx.obj({
        Type: 'Filespec',
        F: PDFString.of('credential.json'),
        UF: textString('credential.json'),
        EF: { F: file, UF: file },
        // a literal: ASCII, its parentheses balanced (PDFString writes it unescaped)
        Desc: PDFString.of('Open Badges 3.0 credential (signed) behind this certificate'),
        AFRelationship: 'Source',
      }),
    );
    doc.catalog.set(
      PDFName.of('Names'),
      ctx.obj({ EmbeddedFiles: { Names: [textString('credential.json'), filespec] } }),
    );
    doc.catalog.set(PDFName.of('AF'), ctx.obj([filespec]));

    const title = `${award.achievementName} — ${award.earnerName}`;
    const subject = `${L.title} ${L.titleSub}: ${award.achievementName}`;
    const keywords = `verification code ${award.verificationCode}; ${award.credentialId}`;
    doc.setTitle(title, { showInWindowTitleBar: true });
    // pdf-lib writes every entry as UTF-16: plain ASCII ones as literal strings instead, half as long
    const info = ctx.lookup(ctx.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('Title'), textString(title));
    info.set(PDFName.of('Author'), textString(award.issuer.name));
    info.set(PDFName.of('Subject'), textString(subject));
    // keywords, creator and producer only in the XMP below (title, author and subject are in both: the
    // document information dictionary is what pdfinfo and most viewers' properties show)
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
    doc.catalog.set(
      PDFName.of('Metadata'),
      ctx.register(
        ctx.stream(deflateSync(Buffer.from(xmp, 'utf8'), { level: 9 }), {
          Type: 'Metadata',
          Subtype: 'XML',
          Filter: 'FlateDecode',
        }),
      ),
    );
    const icc = ctx.register(ctx.stream(this.#icc, { N: 3, Filter: 'FlateDecode' }));
    doc.catalog.set(
      PDFName.of('OutputIntents'),
      ctx.obj([
        {
          Type: 'OutputIntent',
          S: 'GTS_PDFA1',
          OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
          Info: PDFString.of('sRGB IEC61966-2.1'),
          RegistryName: PDFString.of('http://www.color.org'),
          DestOutputProfile: icc,
        },
      ]),
    );
    // a stable file identifier: the same certificate rendered at the same time is the same file
    const id = crypto
      .createHash('sha256')
      .update(award.credentialId)
      .update('\0')
      .update(award.verificationCode)
      .update('\0')
      .update(now.toISOString())
      .digest()
      .subarray(0, 16)
      .toString('hex')
      .toUpperCase();
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
    return doc;
  }
}
