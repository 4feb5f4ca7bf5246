// Renders the sample package's PNG images: achievement badges, student-work charts and classroom photos.
import { seededRandom } from '../../shared/domain/random.js';
import { Canvas, type Rgb } from './png.js';

export interface ChartSpec {
  file: string;
  name: string;
  title: string;
  categories: string[];
  series: { label: string; values: number[] }[];
  max: number;
  unit?: string;
}

export interface PhotoSpec {
  file: string;
  name: string;
  scene: 'sticky-notes' | 'gallery' | 'prototypes';
}

// ---------------------------------------------------------------------------------------------
// PNG images

const shade = ([r, g, b]: Rgb, f: number): Rgb =>
  f < 0
    ? ([r * (1 + f), g * (1 + f), b * (1 + f)].map(Math.round) as unknown as Rgb)
    : ([r + (255 - r) * f, g + (255 - g) * f, b + (255 - b) * f].map(Math.round) as unknown as Rgb);

/** A 256x256 badge: a hexagon or circle in the achievement's colour with its initials. */
export function renderBadge(initials: string, colour: Rgb, shape: 'hexagon' | 'circle'): Buffer {
  const c = new Canvas(256, 256, [255, 255, 255]);
  const dark = shade(colour, -0.35);
  if (shape === 'hexagon') {
    c.fillPolygon(128, 128, 122, 6, dark);
    c.fillPolygon(128, 128, 110, 6, colour);
  } else {
    c.fillCircle(128, 128, 122, dark);
    c.fillCircle(128, 128, 110, colour);
  }
  for (let i = 0; i < 12; i++) {
    const t = (i / 12) * 2 * Math.PI;
    c.fillCircle(128 + Math.cos(t) * 92, 128 + Math.sin(t) * 92, 4, shade(colour, 0.55));
  }
  c.fillCircle(128, 128, 72, [255, 255, 255]);
  const scale = 7;
  c.text(128 - Canvas.textWidth(initials, scale) / 2, 128 - (7 * scale) / 2, initials, dark, scale);
  c.fillRect(86, 176, 84, 14, dark);
  c.text(128 - Canvas.textWidth('RIVERSIDE', 1) / 2, 180, 'RIVERSIDE', [255, 255, 255], 1);
  return c.toPng();
}

const SERIES_COLOURS: Rgb[] = [
  [70, 110, 190],
  [232, 140, 48],
  [76, 160, 110],
  [180, 80, 120],
];

/** A round axis maximum (at least `max`) and a tick step of 1, 2, 2.5 or 5 times a power of ten, at most six steps. */
function niceAxis(max: number): { step: number; max: number } {
  const raw = Math.max(max, 1) / 6;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * pow).find((s) => s >= raw)!;
  return { step, max: Math.ceil(max / step - 1e-9) * step };
}

/** A grouped bar chart of student results, the kind of figure a teacher pastes into evidence. */
export function renderChart(spec: ChartSpec): Buffer {
  const W = 720,
    H = 440;
  const c = new Canvas(W, H, [255, 255, 255]);
  const ink: Rgb = [40, 44, 52],
    grid: Rgb = [222, 226, 232];
  c.text((W - Canvas.textWidth(spec.title, 2)) / 2, 20, spec.title, ink, 2);
  const left = 70,
    right = W - 30,
    top = 70,
    bottom = H - 90;
  const { step, max } = niceAxis(spec.max);
  const steps = Math.round(max / step);
  for (let i = 0; i <= steps; i++) {
    const y = bottom - ((bottom - top) * i) / steps;
    c.line(left, y, right, y, i === 0 ? ink : grid, i === 0 ? 2 : 1);
    const label = `${+(step * i).toFixed(2)}${spec.unit ?? ''}`;
    c.text(left - 10 - Canvas.textWidth(label), y - 3, label, ink);
  }
  c.line(left, top, left, bottom, ink, 2);
  const groupW = (right - left) / spec.categories.length;
  const barW = Math.min(40, (groupW * 0.7) / spec.series.length);
  spec.categories.forEach((cat, ci) => {
    const gx = left + groupW * ci + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, si) => {
      const v = Math.max(0, Math.min(max, s.values[ci] ?? 0));
      const h = ((bottom - top) * v) / max;
      c.fillRect(gx + si * barW + 1, bottom - h, barW - 2, h, SERIES_COLOURS[si % SERIES_COLOURS.length]!);
    });
    const words = cat.split(' ');
    const lines =
      words.length > 1 && Canvas.textWidth(cat) > groupW - 6
        ? [words.slice(0, Math.ceil(words.length / 2)).join(' '), words.slice(Math.ceil(words.length / 2)).join(' ')]
        : [cat];
    lines.forEach((line, li) =>
      c.text(left + groupW * ci + (groupW - Canvas.textWidth(line)) / 2, bottom + 10 + li * 11, line, ink),
    );
  });
  let lx = left;
  spec.series.forEach((s, si) => {
    c.fillRect(lx, H - 40, 14, 14, SERIES_COLOURS[si % SERIES_COLOURS.length]!);
    lx += 20 + c.text(lx + 20, H - 36, s.label, ink) + 24;
  });
  return c.toPng();
}

/** A procedurally drawn, photo-like classroom scene with gentle lighting and sensor noise. */
export function renderPhoto(spec: PhotoSpec, seed: string): Buffer {
  const W = 640,
    H = 426;
  const rand = seededRandom(seed);
  const c = new Canvas(W, H);
  for (let y = 0; y < H; y++) {
    const t = y / H;
    const wall: Rgb = [Math.round(236 - 40 * t), Math.round(228 - 42 * t), Math.round(212 - 46 * t)];
    c.fillRect(0, y, W, 1, wall);
  }
  const notes: Rgb[] = [
    [250, 226, 92],
    [247, 160, 190],
    [130, 200, 240],
    [160, 222, 140],
    [250, 180, 90],
  ];
  if (spec.scene === 'sticky-notes' || spec.scene === 'gallery') {
    c.fillRect(60, 40, 520, 280, [120, 120, 124]);
    c.fillRect(66, 46, 508, 268, [246, 247, 245]);
    const cols = spec.scene === 'sticky-notes' ? 7 : 3,
      rows = spec.scene === 'sticky-notes' ? 4 : 2;
    const cellW = 490 / cols,
      cellH = 250 / rows;
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        if (spec.scene === 'sticky-notes' && rand() < 0.15) continue;
        const w = spec.scene === 'sticky-notes' ? 50 : cellW - 30,
          h = spec.scene === 'sticky-notes' ? 46 : cellH - 26;
        const x = 76 + k * cellW + rand() * (cellW - w - 4),
          y = 56 + r * cellH + rand() * (cellH - h - 4);
        c.fillRect(x + 3, y + 4, w, h, [0, 0, 0], 0.12);
        const colour =
          spec.scene === 'sticky-notes' ? notes[Math.floor(rand() * notes.length)]! : ([252, 252, 250] as Rgb);
        c.fillRect(x, y, w, h, colour);
        if (spec.scene === 'gallery') c.fillRect(x, y, w, 16, notes[(r * cols + k) % notes.length]!);
        const lines = spec.scene === 'sticky-notes' ? 3 : 6;
        for (let l = 0; l < lines; l++) {
          const ly = y + (spec.scene === 'sticky-notes' ? 12 : 26) + l * (spec.scene === 'sticky-notes' ? 10 : 12);
          c.line(x + 6, ly, x + 6 + (w - 14) * (0.5 + rand() * 0.5), ly + rand() * 2 - 1, [40, 52, 110], 1.6);
        }
      }
    }
    c.fillRect(0, 330, W, H - 330, [168, 132, 96]);
  } else {
    c.fillRect(0, 250, W, H - 250, [176, 136, 98]);
    for (let i = 0; i < 14; i++) c.fillRect(0, 256 + i * 12 + rand() * 4, W, 1, [150, 112, 80], 0.5);
    for (let i = 0; i < 5; i++) {
      const x = 50 + i * 118 + rand() * 20,
        w = 60 + rand() * 30,
        h = 80 + rand() * 70,
        base = 300 + rand() * 40;
      c.fillRect(x + 6, base - 4, w, 10, [0, 0, 0], 0.18);
      const colour = notes[i % notes.length]!;
      c.fillRect(x, base - h, w, h, shade(colour, -0.15));
      c.fillRect(x, base - h, w * 0.35, h, shade(colour, 0.15));
      c.fillCircle(x + w / 2, base - h - 12, 14 + rand() * 8, [196, 196, 204]);
      c.line(x + 8, base - h / 2, x + w - 8, base - h / 2 - 6, [60, 60, 70], 2);
    }
  }
  // Vignette and mild noise so the image reads as a photograph.
  const p = c.pixels;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = (x - W / 2) / (W / 2),
        dy = (y - H / 2) / (H / 2);
      const v = 1 - 0.22 * (dx * dx + dy * dy);
      const n = Math.floor(rand() * 5) - 2;
      const o = (y * W + x) * 3;
      for (let k = 0; k < 3; k++) p[o + k] = Math.max(0, Math.min(255, Math.round(p[o + k]! * v) + n));
    }
  }
  return c.toPng(4);
}
