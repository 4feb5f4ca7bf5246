// The certificate's engraved look, drawn once per paper size: a navy rule, a guilloche band (four
// interlaced sine waves as tiling patterns), gold and navy hairlines and corner rosettes; plus the seal.
import { Content, formatNumber as f, type Rgb } from './content.js';

export const NAVY: Rgb = [27, 42, 74];
export const GOLD: Rgb = [168, 130, 56];
export const GOLD_LIGHT: Rgb = [222, 196, 132];
export const INK: Rgb = [33, 35, 44];
export const MUTED: Rgb = [98, 102, 116];
export const PAPER_TINT: Rgb = [251, 249, 243];

const rgb = (c: Rgb): string => `${f(c[0] / 255)} ${f(c[1] / 255)} ${f(c[2] / 255)}`;

export const BAND = { outer: 18, bandFrom: 24, bandTo: 40, inner: 44 } as const;
const CELL_W = 14;
const CELL_H = BAND.bandTo - BAND.bandFrom;

/** Content of one guilloche cell: four phase-shifted sine waves over one period, as cubic Béziers. */
export function guillocheCell(): string {
  // drawn about the cell's middle line (the origin moved there), so the mirrored waves' coordinates
  // repeat up to their signs
  const ops: string[] = [`${rgb(GOLD)} RG`, '0.32 w', `1 0 0 1 0 ${f(CELL_H / 2)} cm`];
  const mid = 0;
  const amp = CELL_H / 2 - 1.6;
  const waves: [number, number][] = [
    [1, 0],
    [-1, 0],
    [1, Math.PI / 2],
    [-1, Math.PI / 2],
  ];
  const steps = 8;
  for (const [sign, phase] of waves) {
    const y = (x: number): number => mid + sign * amp * Math.sin((2 * Math.PI * x) / CELL_W + phase);
    const dy = (x: number): number =>
      sign * amp * ((2 * Math.PI) / CELL_W) * Math.cos((2 * Math.PI * x) / CELL_W + phase);
    // a little beyond the cell on each side so strokes join across tiles
    const x0 = -CELL_W / steps;
    const h = CELL_W / steps;
    ops.push(`${f(x0)} ${f(y(x0))} m`);
    for (let i = 0; i < steps + 2; i++) {
      const a = x0 + i * h;
      const b = a + h;
      ops.push(
        `${f(a + h / 3)} ${f(y(a) + (dy(a) * h) / 3)} ${f(b - h / 3)} ${f(y(b) - (dy(b) * h) / 3)} ${f(b)} ${f(y(b))} c`,
      );
    }
    ops.push('S');
  }
  return ops.join('\n');
}

/**
 * Where the guilloche band's four strips go: each a matrix putting the band form (a strip along x, the
 * pattern tiled from its origin) on the page, and the stretch of it shown. The pattern keeps the phase it
 * had as four page-level patterns.
 */
export function bandPlacements(width: number, height: number): { matrix: number[]; from: number; to: number }[] {
  const { bandFrom, bandTo } = BAND;
  return [
    { matrix: [1, 0, 0, 1, 0, height - bandTo], from: bandFrom, to: width - bandFrom },
    { matrix: [1, 0, 0, 1, 0, bandFrom], from: bandFrom, to: width - bandFrom },
    { matrix: [0, 1, -1, 0, bandTo, 0], from: bandFrom, to: height - bandFrom },
    { matrix: [0, 1, -1, 0, width - bandFrom, 0], from: bandFrom, to: height - bandFrom },
  ];
}

/** The band form's content: its length filled with the guilloche pattern P. */
export function bandContent(length: number): string {
  return `/Pattern cs /P scn 0 0 ${f(length)} ${f(CELL_H)} re f`;
}

export const PATTERN_CELL = { width: CELL_W, height: CELL_H };

/** The main frame: drawn as a Form XObject whose resources name the band form Band. */
export function frameContent(width: number, height: number): string {
  const c = new Content();
  const { outer, bandFrom, bandTo, inner } = BAND;
  const band = bandTo - bandFrom;
  c.save()
    .fill(PAPER_TINT)
    .rect(outer, outer, width - 2 * outer, height - 2 * outer)
    .op('f')
    .restore();
  // one guilloche pattern, in one band form drawn four times (two of them turned a quarter)
  for (const { matrix, from, to } of bandPlacements(width, height))
    c.op(`q ${matrix.map(f).join(' ')} cm ${f(from)} 0 ${f(to - from)} ${f(band)} re W n /Band Do Q`);
  c.save()
    .stroke(NAVY)
    .lineWidth(2.6)
    .rect(outer, outer, width - 2 * outer, height - 2 * outer)
    .op('S');
  c.stroke(GOLD)
    .lineWidth(0.7)
    .rect(bandFrom, bandFrom, width - 2 * bandFrom, height - 2 * bandFrom)
    .op('S');
  c.rect(bandTo, bandTo, width - 2 * bandTo, height - 2 * bandTo).op('S');
  c.stroke(NAVY)
    .lineWidth(0.45)
    .rect(inner, inner, width - 2 * inner, height - 2 * inner)
    .op('S');
  // corner rosettes over the band joins
  const half = band / 2;
  for (const [x, y] of [
    [bandFrom + half, bandFrom + half],
    [width - bandFrom - half, bandFrom + half],
    [bandFrom + half, height - bandFrom - half],
    [width - bandFrom - half, height - bandFrom - half],
  ] as const) {
    // each about its centre (the origin moved there), so the four are the same operators, which deflate
    // stores once
    c.save().op(`1 0 0 1 ${f(x)} ${f(y)} cm`);
    c.fill(NAVY)
      .rect(-half - 1, -half - 1, band + 2, band + 2)
      .op('f');
    c.stroke(GOLD)
      .lineWidth(0.6)
      .rect(-half + 1.5, -half + 1.5, band - 3, band - 3)
      .op('S');
    c.fill(GOLD).moveTo(0, 5.2).lineTo(5.2, 0).lineTo(0, -5.2).lineTo(-5.2, 0).op('h f');
    c.fill(NAVY).circle(0, 0, 1.7).op('f').restore();
  }
  c.restore();
  return c.toString();
}

/** A lighter frame for continuation pages. */
export function plainFrameContent(width: number, height: number): string {
  const c = new Content();
  c.save()
    .fill(PAPER_TINT)
    .rect(BAND.outer, BAND.outer, width - 2 * BAND.outer, height - 2 * BAND.outer)
    .op('f');
  c.stroke(NAVY)
    .lineWidth(1.6)
    .rect(BAND.outer, BAND.outer, width - 2 * BAND.outer, height - 2 * BAND.outer)
    .op('S');
  c.stroke(GOLD)
    .lineWidth(0.6)
    .rect(BAND.bandFrom, BAND.bandFrom, width - 2 * BAND.bandFrom, height - 2 * BAND.bandFrom)
    .op('S');
  c.restore();
  return c.toString();
}

/** A gold hairline with a diamond in the middle. */
export function rule(c: Content, cx: number, y: number, halfWidth: number): void {
  c.save()
    .stroke(GOLD)
    .lineWidth(0.6)
    .line(cx - halfWidth, y, cx - 7, y)
    .line(cx + 7, y, cx + halfWidth, y);
  c.fill(GOLD)
    .moveTo(cx, y + 3)
    .lineTo(cx + 3.6, y)
    .lineTo(cx, y - 3)
    .lineTo(cx - 3.6, y)
    .op('h f')
    .restore();
}

/** The seal's shapes (text is added by the renderer): gold starburst, navy disc, gold rings. */
export function sealShapes(c: Content, x: number, y: number, r: number): void {
  // drawn about its centre (the origin moved there); the starburst as four quarter wedges, the same path
  // turned a quarter each time (deflate stores it once). A wedge ends at a tooth's tip and reaches past
  // it by a sliver inside the next wedge's tooth and under the disc, so the fills overlap where no edge
  // is (no seam along the join, no edge painted twice)
  const cx = 0;
  const cy = 0;
  c.save()
    .op(`1 0 0 1 ${f(x)} ${f(y)} cm`)
    .fill(GOLD);
  const points = 60;
  const quarter = points / 2; // corners (tips and notches) a quarter turn spans
  for (const turn of ['', '0 1 -1 0 0 0 cm', '-1 0 0 -1 0 0 cm', '0 -1 1 0 0 0 cm']) {
    c.save();
    if (turn) c.op(turn);
    c.moveTo(cx, cy);
    for (let i = 0; i <= quarter; i++) {
      const a = (Math.PI * i) / points;
      const rr = i % 2 ? r - 3.2 : r;
      c.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    const sliver = Math.PI / 2 + Math.PI / points / 2; // half way from the tip to the next notch
    c.lineTo(cx + (r - 6) * Math.cos(sliver), cy + (r - 6) * Math.sin(sliver));
    c.op('h f').restore();
  }
  c.fill(NAVY)
    .circle(cx, cy, r - 5.5)
    .op('f');
  c.stroke(GOLD_LIGHT)
    .lineWidth(0.8)
    .circle(cx, cy, r - 8)
    .op('S');
  c.lineWidth(0.5)
    .circle(cx, cy, r - 19)
    .op('S');
  // a five-pointed star
  c.fill(GOLD_LIGHT);
  for (let i = 0; i <= 10; i++) {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? 3.1 : 7.4;
    const px = cx + rr * Math.cos(a);
    const py = cy + 4 + rr * Math.sin(a);
    if (i === 0) c.moveTo(px, py);
    else c.lineTo(px, py);
  }
  c.op('h f').restore();
}
