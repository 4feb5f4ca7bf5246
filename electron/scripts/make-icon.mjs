#!/usr/bin/env node
// Draws Assay's icon (a teal badge with rubric rows and a gold check) as build/icon.png (512×512) and build/icon.svg.
//
//   node electron/scripts/make-icon.mjs
//
// Procedural so the icon is ours and reproducible: each shape is a signed distance field, whose
// value at a pixel gives its anti-aliased coverage directly; the PNG is encoded with node:zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZE = 512;

const TEAL_TOP = [16, 98, 94];
const TEAL_BOTTOM = [8, 60, 60];
const GOLD = [233, 185, 73];
const CREAM = [246, 238, 219];

const badge = { x: 32, y: 32, size: 448, radius: 96 };
const rows = [118, 170, 222].map((y) => ({ y, x1: 184, x2: 376, width: 24, bullet: { x: 136, r: 15 } }));
const check = {
  points: [
    [170, 336],
    [234, 396],
    [380, 268],
  ],
  width: 48,
};

// --- signed distances (negative inside) -------------------------------------------------------

function roundedBox(px, py, b) {
  const half = b.size / 2;
  const qx = Math.abs(px - (b.x + half)) - (half - b.radius);
  const qy = Math.abs(py - (b.y + half)) - (half - b.radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - b.radius;
}

function segment(px, py, [ax, ay], [bx, by], halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) - halfWidth;
}

function circle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

const coverage = (d) => Math.max(0, Math.min(1, 0.5 - d));

// --- raster ---------------------------------------------------------------------------------------

function over(dst, [r, g, b], a) {
  const outA = a + dst[3] * (1 - a);
  if (outA === 0) return [0, 0, 0, 0];
  const mix = (s, d) => (s * a + d * dst[3] * (1 - a)) / outA;
  return [mix(r, dst[0]), mix(g, dst[1]), mix(b, dst[2]), outA];
}

function pixel(x, y) {
  const px = x + 0.5;
  const py = y + 0.5;
  let c = [0, 0, 0, 0];
  const inBadge = roundedBox(px, py, badge);
  const t = (py - badge.y) / badge.size;
  const teal = TEAL_TOP.map((v, i) => v + (TEAL_BOTTOM[i] - v) * Math.max(0, Math.min(1, t)));
  c = over(c, teal, coverage(inBadge));
  // A faint inner rim gives the badge an edge on dark docks and taskbars.
  c = over(c, [255, 255, 255], 0.1 * coverage(Math.abs(inBadge + 12) - 2));
  for (const row of rows) {
    c = over(c, CREAM, 0.92 * coverage(segment(px, py, [row.x1, row.y], [row.x2, row.y], row.width / 2)));
    c = over(c, GOLD, coverage(circle(px, py, row.bullet.x, row.y, row.bullet.r)));
  }
  const [p0, p1, p2] = check.points;
  const dCheck = Math.min(segment(px, py, p0, p1, check.width / 2), segment(px, py, p1, p2, check.width / 2));
  // A soft teal halo lifts the check off the rows it crosses.
  c = over(c, TEAL_BOTTOM, 0.55 * coverage((dCheck - 8) / 4));
  c = over(c, GOLD, coverage(dCheck));
  return c;
}

// --- PNG --------------------------------------------------------------------------------------------

// zlib.crc32: Node ≥ 20.15, as package.json engines asks. (A plain .mjs run before any build, so it
// cannot import electron/png/chunks.ts; the chunk framing below is the only copy outside it.)
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function renderPng() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x, y);
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * SIZE + x) * 4);
    }
  }
  return encodePng(SIZE, SIZE, rgba);
}

// --- SVG (the same geometry) ----------------------------------------------------------------------

const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function renderSvg() {
  const [p0, p1, p2] = check.points;
  const pts = `${p0.join(',')} ${p1.join(',')} ${p2.join(',')}`;
  const lines = rows
    .map((r) =>
      [
        `  <line x1="${r.x1}" y1="${r.y}" x2="${r.x2}" y2="${r.y}" stroke="${hex(CREAM)}" stroke-opacity="0.92" stroke-width="${r.width}" stroke-linecap="round"/>`,
        `  <circle cx="${r.bullet.x}" cy="${r.y}" r="${r.bullet.r}" fill="${hex(GOLD)}"/>`,
      ].join('\n'),
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <title>Assay</title>
  <defs>
    <linearGradient id="teal" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hex(TEAL_TOP)}"/>
      <stop offset="1" stop-color="${hex(TEAL_BOTTOM)}"/>
    </linearGradient>
  </defs>
  <rect x="${badge.x}" y="${badge.y}" width="${badge.size}" height="${badge.size}" rx="${badge.radius}" fill="url(#teal)"/>
  <rect x="${badge.x + 12}" y="${badge.y + 12}" width="${badge.size - 24}" height="${badge.size - 24}" rx="${badge.radius - 12}" fill="none" stroke="#ffffff" stroke-opacity="0.1" stroke-width="4"/>
${lines}
  <polyline points="${pts}" fill="none" stroke="${hex(TEAL_BOTTOM)}" stroke-opacity="0.55" stroke-width="${check.width + 16}" stroke-linecap="round" stroke-linejoin="round"/>
  <polyline points="${pts}" fill="none" stroke="${hex(GOLD)}" stroke-width="${check.width}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
}

fs.mkdirSync(path.join(root, 'build'), { recursive: true });
fs.writeFileSync(path.join(root, 'build', 'icon.png'), renderPng());
fs.writeFileSync(path.join(root, 'build', 'icon.svg'), renderSvg());
console.log('make-icon: wrote build/icon.png and build/icon.svg');
