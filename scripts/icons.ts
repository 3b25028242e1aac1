/**
 * Draws the add-in's icons (ribbon buttons and the add-in itself) and writes them as PNG files to
 * assets/: a roadmap of milestones beside a checklist for the add-in, and one motif per button.
 * Shapes are signed-distance primitives sampled 4×4 per pixel, so every size is drawn, not scaled.
 *
 *   node dist/scripts/icons.js [outDir]      (after npm run build:cli)
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

type Rgba = [number, number, number, number];
/** Distance from the point to the shape's edge in icon units (0..1 across the icon), < 0 inside. */
type Shape = (x: number, y: number) => number;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const BLUE: Rgba = [47, 85, 151, 255];
const LIGHT_BLUE: Rgba = [189, 215, 238, 255];
const GREEN: Rgba = [84, 160, 72, 255];
const RED: Rgba = [200, 64, 52, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREY: Rgba = [140, 146, 156, 255];

const roundRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const dx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
    const dy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;

/** A line from (x0, y0) to (x1, y1) with round caps, w wide. */
const segment =
  (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  (x, y) => {
    const vx = x1 - x0;
    const vy = y1 - y0;
    const t = Math.max(0, Math.min(1, ((x - x0) * vx + (y - y0) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - x0 - t * vx, y - y0 - t * vy) - w / 2;
  };

/** A ring limited to angles [from, to] (radians, y downwards). */
const arc =
  (cx: number, cy: number, r: number, w: number, from: number, to: number): Shape =>
  (x, y) => {
    const a = Math.atan2(y - cy, x - cx);
    const inside =
      (a - from + 4 * Math.PI) % (2 * Math.PI) <= (to - from + 4 * Math.PI) % (2 * Math.PI);
    if (inside) return Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
    const ends = [from, to].map(
      (t) => Math.hypot(x - cx - r * Math.cos(t), y - cy - r * Math.sin(t)) - w / 2,
    );
    return Math.min(...ends);
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

const check = (x: number, y: number, s: number, w: number): Shape =>
  union(
    segment(x, y, x + s * 0.35, y + s * 0.35, w),
    segment(x + s * 0.35, y + s * 0.35, x + s, y - s * 0.45, w),
  );

/**
 * Stroke width in icon units: `small` at 16 px and below, `large` from 32 px, in between linear, so
 * lines stay at least about a pixel and a half wide at 20 and 24 px.
 */
function stroke(px: number, small: number, large: number): number {
  const t = Math.min(1, Math.max(0, (px - 16) / 16));
  return small + (large - small) * t;
}

/** The icons: name → layers painted in order. Thin strokes get thicker on small sizes. */
export const ICONS: Record<string, (px: number) => Layer[]> = {
  // The add-in: a road of milestones (two reached, one ahead) beside checklist lines.
  icon: (px) => {
    const w = stroke(px, 0.11, 0.08);
    return [
      { shape: roundRect(0.02, 0.02, 0.98, 0.98, 0.18), color: BLUE },
      { shape: segment(0.27, 0.24, 0.27, 0.66, w * 0.7), color: LIGHT_BLUE },
      { shape: circle(0.27, 0.24, 0.1), color: GREEN },
      { shape: circle(0.27, 0.5, 0.1), color: GREEN },
      { shape: ring(0.27, 0.76, 0.085, w * 0.7), color: WHITE },
      { shape: segment(0.47, 0.24, 0.8, 0.24, w), color: WHITE },
      { shape: segment(0.47, 0.5, 0.8, 0.5, w), color: WHITE },
      { shape: segment(0.47, 0.76, 0.68, 0.76, w), color: LIGHT_BLUE },
    ];
  },
  // «Проверить план»: a page with ticked lines.
  check: (px) => {
    const w = stroke(px, 0.1, 0.07);
    return [
      { shape: roundRect(0.12, 0.04, 0.88, 0.96, 0.08), color: BLUE },
      { shape: roundRect(0.18, 0.1, 0.82, 0.9, 0.05), color: WHITE },
      { shape: check(0.25, 0.3, 0.17, w * 0.9), color: GREEN },
      { shape: check(0.25, 0.55, 0.17, w * 0.9), color: GREEN },
      { shape: segment(0.5, 0.27, 0.72, 0.27, w), color: GREY },
      { shape: segment(0.5, 0.52, 0.72, 0.52, w), color: GREY },
      { shape: segment(0.3, 0.77, 0.72, 0.77, w), color: LIGHT_BLUE },
    ];
  },
  // «Вставить шаблон»: a table with a header row and a plus.
  template: (px) => {
    const w = stroke(px, 0.08, 0.05);
    return [
      { shape: roundRect(0.04, 0.1, 0.84, 0.86, 0.06), color: BLUE },
      { shape: roundRect(0.1, 0.3, 0.78, 0.8, 0.02), color: WHITE },
      { shape: segment(0.1, 0.55, 0.78, 0.55, w), color: LIGHT_BLUE },
      { shape: segment(0.33, 0.3, 0.33, 0.8, w), color: LIGHT_BLUE },
      { shape: circle(0.8, 0.8, 0.19), color: GREEN },
      {
        shape: union(segment(0.8, 0.7, 0.8, 0.9, w * 1.4), segment(0.7, 0.8, 0.9, 0.8, w * 1.4)),
        color: WHITE,
      },
    ];
  },
  // «Критерии ШНОР»: result bars against a threshold line.
  criteria: (px) => {
    const w = stroke(px, 0.09, 0.06);
    return [
      { shape: roundRect(0.1, 0.5, 0.3, 0.92, 0.03), color: BLUE },
      { shape: roundRect(0.4, 0.22, 0.6, 0.92, 0.03), color: RED },
      { shape: roundRect(0.7, 0.62, 0.9, 0.92, 0.03), color: BLUE },
      { shape: segment(0.04, 0.38, 0.96, 0.38, w), color: RED },
    ];
  },
  // «Отчёт по школам»: a stack of school tabs.
  report: (px) => {
    const w = stroke(px, 0.09, 0.06);
    return [
      { shape: roundRect(0.3, 0.04, 0.94, 0.74, 0.06), color: LIGHT_BLUE },
      { shape: roundRect(0.06, 0.22, 0.72, 0.96, 0.06), color: BLUE },
      { shape: roundRect(0.12, 0.3, 0.66, 0.9, 0.03), color: WHITE },
      { shape: segment(0.2, 0.45, 0.58, 0.45, w), color: BLUE },
      { shape: segment(0.2, 0.6, 0.58, 0.6, w), color: GREY },
      { shape: segment(0.2, 0.75, 0.46, 0.75, w), color: GREY },
    ];
  },
  // «Настройки»: sliders.
  settings: (px) => {
    const w = stroke(px, 0.09, 0.06);
    return [
      {
        shape: union(
          segment(0.1, 0.22, 0.9, 0.22, w),
          segment(0.1, 0.5, 0.9, 0.5, w),
          segment(0.1, 0.78, 0.9, 0.78, w),
        ),
        color: GREY,
      },
      { shape: circle(0.32, 0.22, 0.11), color: BLUE },
      { shape: circle(0.7, 0.5, 0.11), color: BLUE },
      { shape: circle(0.45, 0.78, 0.11), color: BLUE },
    ];
  },
  // «Справка»: a question mark in a circle.
  help: (px) => {
    const w = stroke(px, 0.13, 0.1);
    return [
      { shape: circle(0.5, 0.5, 0.46), color: BLUE },
      {
        shape: union(
          arc(0.5, 0.38, 0.15, w, Math.PI, Math.PI * 2.45),
          segment(0.5, 0.53, 0.5, 0.6, w),
        ),
        color: WHITE,
      },
      { shape: circle(0.5, 0.76, w * 0.6), color: WHITE },
    ];
  },
};

/**
 * Sizes Office asks for: 16, 32 and 80 are required for ribbon buttons, 20, 24, 40, 48 and 64 are
 * taken on HiDPI screens (125 %–300 % scaling) instead of scaling a smaller icon up; the add-in
 * icon also has 128 for the store listing.
 */
export const BUTTON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
export const SIZES: Record<string, number[]> = {
  icon: [...BUTTON_SIZES, 128],
  check: BUTTON_SIZES,
  template: BUTTON_SIZES,
  criteria: BUTTON_SIZES,
  report: BUTTON_SIZES,
  settings: BUTTON_SIZES,
  help: BUTTON_SIZES,
};

export function render(layers: Layer[], px: number): Uint8Array {
  const out = new Uint8Array(px * px * 4);
  const n = 4;
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / px;
          const v = (y + (sy + 0.5) / n) / px;
          // Paint layers over each other (premultiplied "over").
          let pr = 0;
          let pg = 0;
          let pb = 0;
          let pa = 0;
          for (const layer of layers) {
            if (layer.shape(u, v) > 0) continue;
            const la = layer.color[3] / 255;
            pr = layer.color[0] * la + pr * (1 - la);
            pg = layer.color[1] * la + pg * (1 - la);
            pb = layer.color[2] * la + pb * (1 - la);
            pa = la + pa * (1 - la);
          }
          r += pr;
          g += pg;
          b += pb;
          a += pa;
        }
      const i = (y * px + x) * 4;
      const cover = a / (n * n);
      out[i + 3] = Math.round(cover * 255);
      if (cover > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels → PNG (8-bit RGBA, no filtering, zlib-compressed). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, draw] of Object.entries(ICONS))
    for (const px of SIZES[name] ?? []) {
      const file = join(outDir, `${name}-${px}.png`);
      writeFileSync(file, encodePng(render(draw(px), px), px, px));
      written.push(file);
    }
  return written;
}

if (require.main === module) {
  const written = writeIcons(process.argv[2] ?? join(__dirname, '..', '..', 'assets'));
  process.stdout.write(`Записано значков: ${written.length}\n`);
}
