// Page content: a PDF content-stream builder and the glyph bookkeeping a document needs to embed its
// fonts (which glyphs were drawn, their widths, and the text each stands for).
import type { PreparedFont } from './fonts/catalog.js';
import { lineWidth, type ShapedLine, type TextStyle } from './text/layout.js';

export type Rgb = readonly [number, number, number];

/** A number as written in content streams: integers as is, others to 3 decimals (1/1000 pt). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const r = Math.round(n * 1000) / 1000;
  if (Math.abs(r) < 1e-6) return '0';
  return String(r);
}
const f = formatNumber;

export interface FontUse {
  resource: string;
  font: PreparedFont;
  /** glyph id -> text it stands for */
  glyphs: Map<number, string>;
}

export class FontRegistry {
  readonly uses = new Map<PreparedFont, FontUse>();
  resource(font: PreparedFont): FontUse {
    let use = this.uses.get(font);
    if (!use) {
      use = { resource: `F${this.uses.size + 1}`, font, glyphs: new Map() };
      this.uses.set(font, use);
    }
    return use;
  }
}

export type Align = 'left' | 'center' | 'right';

export class Content {
  private parts: string[] = [];

  constructor(private readonly fonts: FontRegistry = new FontRegistry()) {}

  op(s: string): this {
    this.parts.push(s);
    return this;
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
  text(line: ShapedLine, style: TextStyle, x: number, y: number, align: Align = 'left', color?: Rgb): number {
    const width = lineWidth(line, style);
    let pen = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    const size = style.size;
    const tracking = (style.tracking ?? 0) * 1000;
    const parts = this.parts;
    parts.push('BT');
    if (color) parts.push(`${f(color[0] / 255)} ${f(color[1] / 255)} ${f(color[2] / 255)} rg`);
    let charSpacing = 0;
    for (const run of line.runs) {
      const use = this.fonts.resource(run.font);
      const upem = run.font.info.unitsPerEm;
      const advances = run.font.info.advances;
      const toK = 1000 / upem;
      // letter-spacing through Tc (not for joined scripts)
      const spacing = run.font.spec.cursive ? 0 : (tracking * size) / 1000;
      parts.push(`/${use.resource} ${f(size)} Tf`, `1 0 0 1 ${f(pen)} ${f(y)} Tm`);
      if (spacing !== charSpacing) {
        parts.push(`${f(spacing)} Tc`);
        charSpacing = spacing;
      }
      let tj = '';
      let rise = 0;
      let pendingAdjust = 0;
      let runAdvance = 0;
      const flush = (): void => {
        if (tj) parts.push(`[${tj}] TJ`);
        tj = '';
      };
      // A cluster's text goes to its first glyph in logical order (the last one drawn in a
      // right-to-left run); its other glyphs (marks, parts of a decomposition) stand for nothing.
      const seen = new Set<number>();
      const leads = new Set<number>();
      const glyphs = run.glyphs;
      for (let i = 0; i < glyphs.length; i++) {
        const k = run.rtl ? glyphs.length - 1 - i : i;
        if (!seen.has(glyphs[k]!.cluster)) {
          seen.add(glyphs[k]!.cluster);
          leads.add(k);
        }
      }
      for (let gi = 0; gi < glyphs.length; gi++) {
        const g = glyphs[gi]!;
        const w = Math.round((advances[g.gid] ?? 0) * toK);
        if (!use.glyphs.get(g.gid)) {
          use.glyphs.set(
            g.gid,
            leads.has(gi) ? run.text.slice(g.cluster, run.clusterEnds.get(g.cluster) ?? g.cluster + 1) : '',
          );
        }
        const dy = g.dy * toK * (size / 1000);
        if (Math.abs(dy - rise) > 1e-3) {
          if (Math.abs(pendingAdjust) > 0.01) tj += f(-pendingAdjust);
          pendingAdjust = 0;
          flush();
          parts.push(`${f(dy)} Ts`);
          rise = dy;
        }
        const dx = g.dx * toK;
        pendingAdjust += dx; // move right by dx before the glyph
        if (Math.abs(pendingAdjust) > 0.01) tj += f(-pendingAdjust);
        tj += `<${g.gid.toString(16).padStart(4, '0')}>`;
        const wanted = g.ax * toK;
        // after the glyph the pen is at +w (+Tc); it should be at +wanted, and the dx shift is undone
        pendingAdjust = wanted - w - dx;
        runAdvance += (wanted * size) / 1000 + spacing;
      }
      if (rise !== 0) {
        flush();
        parts.push('0 Ts');
      }
      flush();
      pen += runAdvance;
    }
    if (charSpacing) parts.push('0 Tc');
    parts.push('ET');
    return width;
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
    const parts = this.parts;
    parts.push('BT', `${f(color[0] / 255)} ${f(color[1] / 255)} ${f(color[2] / 255)} rg`);
    for (const run of line.runs) {
      const use = this.fonts.resource(run.font);
      const scale = size / run.font.info.unitsPerEm;
      parts.push(`/${use.resource} ${f(size)} Tf`);
      for (const g of run.glyphs) {
        if (!use.glyphs.has(g.gid))
          use.glyphs.set(g.gid, run.text.slice(g.cluster, run.clusterEnds.get(g.cluster) ?? g.cluster + 1));
        const adv = g.ax * scale;
        const mid = s + adv / 2;
        const theta = Math.PI / 2 + (total / 2 - mid) / radius;
        const phi = theta - Math.PI / 2;
        const cos = Math.cos(phi);
        const sin = Math.sin(phi);
        const bx = cx + radius * Math.cos(theta) - (adv / 2) * cos;
        const by = cy + radius * Math.sin(theta) - (adv / 2) * sin;
        parts.push(
          `${f(cos)} ${f(sin)} ${f(-sin)} ${f(cos)} ${f(bx)} ${f(by)} Tm <${g.gid.toString(16).padStart(4, '0')}> Tj`,
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
    return this.parts.join('\n');
  }
}
