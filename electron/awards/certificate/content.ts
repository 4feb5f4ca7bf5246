// Page content: a PDF content-stream builder and the glyph bookkeeping a document needs to embed its
// fonts (which glyphs were drawn, their widths, and the text each stands for). A tagged page marks
// each line of text as a marked-content sequence (MCID) for the structure tree, with the language
// its script tells and, where the glyphs alone do not read back as the text (right to left, ligatures,
// base + mark clusters), /ActualText in logical order; everything else is an artifact.
import { codeFor, FontRegistry } from './glyph-codes.js';
import { languageOf } from './text/language.js';
import { lineWidth, type GlyphRun, type ShapedLine, type TextStyle } from './text/layout.js';
import { glyphTexts } from './text/unicode.js';

export { FontRegistry, type FontUse } from './glyph-codes.js';

export type Rgb = readonly [number, number, number];

/** A number as written in content streams: integers as is, others to 3 decimals (1/1000 pt). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const r = Math.round(n * 1000) / 1000;
  if (Math.abs(r) < 1e-6) return '0';
  return String(r);
}
const f = formatNumber;

export type Align = 'left' | 'center' | 'right';

/** One marked-content sequence of a line: its text in logical order and how to tag it. */
export interface TaggedSpan {
  mcid: number;
  text: string;
  /** The language its script tells (undefined: the document's). */
  lang?: string;
  /** Set when reading the glyphs would not give `text` exactly. */
  actualText?: string;
}

/** A line of text as a structure element: a heading or paragraph, with one span per language. */
export interface TaggedLine {
  role: 'H1' | 'P';
  spans: TaggedSpan[];
}

/** A PDF text string as a hex UTF-16BE string with byte order mark, for the content stream. */
function utf16Hex(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The codes a run is drawn with. */
interface Drawn {
  codes: number[];
}

export class Content {
  private parts: string[] = [];
  /** Tagged lines in drawing order; MCIDs count from 0 per page (one Content is one page). */
  readonly lines: TaggedLine[] = [];
  #artifact = false;
  #mcid = 0;

  /** `tagged`: a page of a tagged PDF (not a form XObject drawn by one). */
  constructor(
    private readonly fonts: FontRegistry = new FontRegistry(),
    readonly tagged = false,
  ) {}

  op(s: string): this {
    if (this.tagged && !this.#artifact) {
      this.parts.push('/Artifact BMC');
      this.#artifact = true;
    }
    this.parts.push(s);
    return this;
  }

  private endArtifact(): void {
    if (!this.#artifact) return;
    this.parts.push('EMC');
    this.#artifact = false;
  }

  /**
   * The codes to draw a run's glyphs with, registered with their ToUnicode texts; `exact` is false
   * when the glyphs do not read back as the text in logical order.
   */
  private register(run: GlyphRun): { codes: number[]; exact: boolean } {
    const use = this.fonts.resource(run.font);
    const { texts, plain } = glyphTexts(run);
    let exact = plain;
    const codes = run.glyphs.map((g, i) => {
      const code = codeFor(use, g.gid, texts[i]!);
      if (code !== undefined) return code;
      exact = false; // the glyph already stands for other text here
      return g.gid;
    });
    return { codes, exact: exact && !run.rtl };
  }

  /** Visually adjacent runs of one language, each a marked-content sequence. */
  private spans(line: ShapedLine): { runs: GlyphRun[]; codes: Drawn[]; span: TaggedSpan }[] {
    const out: { runs: GlyphRun[]; codes: Drawn[]; span: TaggedSpan; exact: boolean }[] = [];
    for (const run of line.runs) {
      const text = line.text.slice(run.start, run.end);
      const { exact, ...codes } = this.register(run);
      const letters = /\p{L}/u.test(text);
      const lang = languageOf(text);
      const last = out[out.length - 1];
      if (last && (!letters || last.span.lang === lang)) {
        last.runs.push(run);
        last.codes.push(codes);
        last.exact &&= exact;
      } else out.push({ runs: [run], codes: [codes], span: { mcid: -1, text: '', ...(lang ? { lang } : {}) }, exact });
    }
    for (const o of out) {
      const start = Math.min(...o.runs.map((r) => r.start));
      const end = Math.max(...o.runs.map((r) => r.end));
      o.span.text = line.text.slice(start, end);
      if (!o.exact) o.span.actualText = o.span.text;
    }
    return out;
  }

  save(): this {
    return this.op('q');
  }
  restore(): this {
    return this.op('Q');
  }
  fill(c: Rgb): this {
    return this.op(`${f(c[0] / 255)} ${f(c[1] / 255)} ${f(c[2] / 255)} rg`);
  }
  stroke(c: Rgb): this {
    return this.op(`${f(c[0] / 255)} ${f(c[1] / 255)} ${f(c[2] / 255)} RG`);
  }
  lineWidth(w: number): this {
    return this.op(`${f(w)} w`);
  }
  rect(x: number, y: number, w: number, h: number): this {
    return this.op(`${f(x)} ${f(y)} ${f(w)} ${f(h)} re`);
  }
  moveTo(x: number, y: number): this {
    return this.op(`${f(x)} ${f(y)} m`);
  }
  lineTo(x: number, y: number): this {
    return this.op(`${f(x)} ${f(y)} l`);
  }
  curveTo(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): this {
    return this.op(`${f(x1)} ${f(y1)} ${f(x2)} ${f(y2)} ${f(x3)} ${f(y3)} c`);
  }
  /** A circle as four Bézier arcs. */
  circle(cx: number, cy: number, r: number): this {
    const k = 0.5523 * r;
    return this.moveTo(cx + r, cy)
      .curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
      .curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
      .curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
      .curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
      .op('h');
  }
  line(x1: number, y1: number, x2: number, y2: number): this {
    return this.moveTo(x1, y1).lineTo(x2, y2).op('S');
  }

  /** Draws a shaped line; x is the left, centre or right edge by `align`. Returns the drawn width. */
  text(
    line: ShapedLine,
    style: TextStyle,
    x: number,
    y: number,
    align: Align = 'left',
    color?: Rgb,
    role: TaggedLine['role'] = 'P',
  ): number {
    const width = lineWidth(line, style);
    this.endArtifact();
    let pen = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    const size = style.size;
    const tracking = (style.tracking ?? 0) * 1000;
    const parts = this.parts;
    parts.push('BT');
    if (color) parts.push(`${f(color[0] / 255)} ${f(color[1] / 255)} ${f(color[2] / 255)} rg`);
    let charSpacing = 0;
    const groups = this.tagged
      ? this.spans(line)
      : line.runs.map((run) => ({ runs: [run], codes: [this.register(run)], span: undefined }));
    const tagged: TaggedSpan[] = [];
    for (const { runs, codes, span } of groups) {
      if (span) {
        span.mcid = this.#mcid++;
        tagged.push(span);
        // Right-to-left spans carry /ActualText in the structure tree only: poppler lays a content
        // stream's ActualText out left to right and then reverses right-to-left lines, which would
        // print it backwards; their ToUnicode glyphs in visual order read back correctly everywhere.
        const actual = span.actualText !== undefined && !runs.some((r) => r.rtl);
        parts.push(`/Span <</MCID ${span.mcid}${actual ? ` /ActualText ${utf16Hex(span.actualText!)}` : ''}>> BDC`);
      }
      runs.forEach(
        (run, k) => (pen = this.drawRun(run, codes[k]!, size, tracking, pen, y, charSpacing, (c) => (charSpacing = c))),
      );
      if (span) parts.push('EMC');
    }
    if (tagged.length) this.lines.push({ role, spans: tagged });
    if (charSpacing) parts.push('0 Tc');
    parts.push('ET');
    return width;
  }

  /**
   * One run's glyphs as TJ arrays from the pen position; returns the pen after it. Glyphs go in visual
   * order, right-to-left runs too: pdf.js, pypdf and pdftotext's reading order reorder them by bidi
   * (drawing words in logical order instead made pypdf reverse them and pdf.js drop the space).
   */
  private drawRun(
    run: GlyphRun,
    { codes }: Drawn,
    size: number,
    tracking: number,
    pen: number,
    y: number,
    charSpacing: number,
    setCharSpacing: (c: number) => void,
  ): number {
    const parts = this.parts;
    const use = this.fonts.resource(run.font);
    const advances = run.font.info.advances;
    const toK = 1000 / run.font.info.unitsPerEm;
    // letter-spacing through Tc (not for joined scripts)
    const spacing = run.font.spec.cursive ? 0 : (tracking * size) / 1000;
    parts.push(`/${use.resource} ${f(size)} Tf`);
    if (spacing !== charSpacing) {
      parts.push(`${f(spacing)} Tc`);
      setCharSpacing(spacing);
    }
    const glyphs = run.glyphs;
    let advance = 0;
    parts.push(`1 0 0 1 ${f(pen)} ${f(y)} Tm`);
    // consecutive glyphs share one hex string (<00210034>, not <0021><0034>)
    let tj = '';
    let hexOpen = false;
    let rise = 0;
    let pendingAdjust = 0;
    const adjust = (n: number): void => {
      if (hexOpen) tj += '>';
      hexOpen = false;
      tj += f(n);
    };
    const flush = (): void => {
      if (hexOpen) tj += '>';
      hexOpen = false;
      if (tj) parts.push(`[${tj}] TJ`);
      tj = '';
    };
    for (const [i, g] of glyphs.entries()) {
      const w = Math.round((advances[g.gid] ?? 0) * toK);
      const dy = g.dy * toK * (size / 1000);
      if (Math.abs(dy - rise) > 1e-3) {
        if (Math.abs(pendingAdjust) > 0.01) adjust(-pendingAdjust);
        pendingAdjust = 0;
        flush();
        parts.push(`${f(dy)} Ts`);
        rise = dy;
      }
      const dx = g.dx * toK;
      pendingAdjust += dx; // move right by dx before the glyph
      if (Math.abs(pendingAdjust) > 0.01) adjust(-pendingAdjust);
      tj += `${hexOpen ? '' : '<'}${codes[i]!.toString(16).padStart(4, '0')}`;
      hexOpen = true;
      // after the glyph the pen is at +w (+Tc); it should be at +ax, and the dx shift is undone
      pendingAdjust = g.ax * toK - w - dx;
      advance += (g.ax * toK * size) / 1000 + spacing;
    }
    if (rise !== 0) {
      flush();
      parts.push('0 Ts');
    }
    flush();
    return pen + advance;
  }

  /**
   * Draws a left-to-right line along the top of a circle, centred at the top, reading clockwise.
   * Glyphs are placed one by one, rotated to the tangent.
   */
  textOnCircle(line: ShapedLine, style: TextStyle, cx: number, cy: number, radius: number, color: Rgb): void {
    const size = style.size;
    const tracking = (style.tracking ?? 0) * size;
    const total = lineWidth(line, style);
    let s = 0;
    // the ring repeats the issuer's name as ornament: an artifact, outside the structure tree
    this.op('BT');
    const parts = this.parts;
    parts.push(`${f(color[0] / 255)} ${f(color[1] / 255)} ${f(color[2] / 255)} rg`);
    for (const run of line.runs) {
      const use = this.fonts.resource(run.font);
      const { codes } = this.register(run);
      const scale = size / run.font.info.unitsPerEm;
      parts.push(`/${use.resource} ${f(size)} Tf`);
      for (const [i, g] of run.glyphs.entries()) {
        const adv = g.ax * scale;
        const mid = s + adv / 2;
        const theta = Math.PI / 2 + (total / 2 - mid) / radius;
        const phi = theta - Math.PI / 2;
        const cos = Math.cos(phi);
        const sin = Math.sin(phi);
        const bx = cx + radius * Math.cos(theta) - (adv / 2) * cos;
        const by = cy + radius * Math.sin(theta) - (adv / 2) * sin;
        parts.push(
          `${f(cos)} ${f(sin)} ${f(-sin)} ${f(cos)} ${f(bx)} ${f(by)} Tm <${codes[i]!.toString(16).padStart(4, '0')}> Tj`,
        );
        s += adv + tracking;
      }
    }
    parts.push('ET');
  }

  /** Draws a Form XObject or image by resource name with the given matrix. */
  xobject(name: string, a: number, b: number, c: number, d: number, e: number, g: number): this {
    return this.op(`q ${f(a)} ${f(b)} ${f(c)} ${f(d)} ${f(e)} ${f(g)} cm /${name} Do Q`);
  }

  toString(): string {
    this.endArtifact();
    return this.parts.join('\n');
  }
}
