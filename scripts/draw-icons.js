#!/usr/bin/env node
"use strict";
/**
 * Draws the 招商统计助手 (ZS Stats Assistant) icons: a deep investment-blue rounded square with three
 * ascending white bars (statistics) and an amber check mark (validation). Every size has its own
 * pixel-aligned layout, so the bars stay crisp at 16 px instead of being a blurred downscale.
 *
 * Usage: node scripts/draw-icons.js [--out assets] [--check]
 *   --out DIR  where icon-16.png, icon-32.png, icon-64.png, icon-80.png are written (default: assets/)
 *   --check    write nothing; exit 1 if a file in DIR differs from what this script draws
 *
 * Zero dependencies: the PNG encoder is scripts/lib/png.js (node:zlib + crc32). Output is deterministic.
 */
const fs = require("node:fs");
const path = require("node:path");
const { encodePng } = require("./lib/png");

const SIZES = [16, 32, 64, 80];
const COLORS = {
  background: [0x1b, 0x4f, 0x9c, 255], // investment blue
  backgroundEdge: [0x14, 0x3d, 0x7a, 255], // darker rim, large sizes only
  bar: [255, 255, 255, 255],
  axis: [255, 255, 255, 200],
  check: [0xff, 0xc4, 0x3d, 255], // amber
};
/** samples per pixel edge (SS*SS samples per pixel) for anti-aliased edges */
const SS = 8;

/**
 * Per-size layouts, in pixel units (pixel (i, j) covers [i, i+1] x [j, j+1]).
 * Bars are [x0, y0, x1, y1] on whole pixels; the check mark is a round-capped polyline.
 */
const LAYOUTS = {
  16: {
    radius: 3,
    rim: 0,
    bars: [
      [3, 10, 5, 13],
      [7, 7, 9, 13],
      [11, 3, 13, 13],
    ],
    axis: null,
    // hand-placed pixels: an anti-aliased 1.7 px stroke is mush at this size
    checkMask: {
      x: 2,
      y: 2,
      rows: [
        "......#",
        ".....##",
        "#...##.",
        "##.##..",
        ".###...",
        "..#....",
      ],
    },
  },
  32: {
    radius: 6,
    rim: 0,
    bars: [
      [7, 19, 11, 25],
      [14, 14, 18, 25],
      [21, 8, 25, 25],
    ],
    axis: [5, 25, 27, 26],
    check: { points: [[5, 9.5], [8.5, 13], [15.5, 6]], width: 3 },
  },
  64: {
    radius: 12,
    rim: 1.5,
    bars: [
      [14, 38, 22, 50],
      [28, 28, 36, 50],
      [42, 16, 50, 50],
    ],
    axis: [10, 50, 54, 52],
    check: { points: [[10, 19], [17, 26], [31, 12]], width: 6 },
  },
  80: {
    radius: 15,
    rim: 2,
    bars: [
      [18, 48, 28, 63],
      [35, 35, 45, 63],
      [52, 20, 62, 63],
    ],
    axis: [13, 63, 67, 65],
    check: { points: [[12.5, 24], [21.5, 33], [39, 15.5]], width: 7.5 },
  },
};

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function insidePolyline(x, y, points, width) {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    if (distToSegment(x, y, ax, ay, bx, by) <= width / 2) return true;
  }
  return false;
}

/** Paints `inside` with `color` over the RGBA float canvas, using SS x SS supersampled coverage. */
function paint(canvas, size, color, inside, bounds) {
  const [bx0, by0, bx1, by1] = bounds || [0, 0, size, size];
  const xs = Math.max(0, Math.floor(bx0));
  const ys = Math.max(0, Math.floor(by0));
  const xe = Math.min(size, Math.ceil(bx1));
  const ye = Math.min(size, Math.ceil(by1));
  for (let py = ys; py < ye; py++) {
    for (let px = xs; px < xe; px++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (inside(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
        }
      }
      if (hits === 0) continue;
      const a = (hits / (SS * SS)) * (color[3] / 255);
      const i = (py * size + px) * 4;
      // "source over" on non-premultiplied floats
      const da = canvas[i + 3];
      const oa = a + da * (1 - a);
      for (let c = 0; c < 3; c++) {
        canvas[i + c] = oa === 0 ? 0 : (color[c] * a + canvas[i + c] * da * (1 - a)) / oa;
      }
      canvas[i + 3] = oa;
    }
  }
}

function paintCheck(canvas, size, check) {
  const { points, width } = check;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  paint(canvas, size, COLORS.check, (x, y) => insidePolyline(x, y, points, width), [
    Math.min(...xs) - width,
    Math.min(...ys) - width,
    Math.max(...xs) + width,
    Math.max(...ys) + width,
  ]);
}

function layoutFor(size) {
  if (LAYOUTS[size]) return LAYOUTS[size];
  // Fallback for other sizes: scale the 32 px layout (not pixel-tuned).
  const k = size / 32;
  const base = LAYOUTS[32];
  const s = (v) => v * k;
  return {
    radius: s(base.radius),
    rim: size >= 48 ? s(0.75) : 0,
    bars: base.bars.map((b) => b.map((v) => Math.round(s(v)))),
    axis: base.axis.map((v) => Math.round(s(v))),
    check: { points: base.check.points.map(([x, y]) => [s(x), s(y)]), width: s(base.check.width) },
  };
}

/**
 * @param {number} size
 * @returns {{width:number,height:number,data:Uint8Array}}
 */
function drawIcon(size) {
  const L = layoutFor(size);
  const canvas = new Float64Array(size * size * 4);
  if (L.rim > 0) {
    paint(canvas, size, COLORS.backgroundEdge, (x, y) => insideRoundedRect(x, y, 0, 0, size, size, L.radius));
    const r = L.rim;
    paint(canvas, size, COLORS.background, (x, y) =>
      insideRoundedRect(x, y, r, r, size - r, size - r, Math.max(0, L.radius - r)),
    );
  } else {
    paint(canvas, size, COLORS.background, (x, y) => insideRoundedRect(x, y, 0, 0, size, size, L.radius));
  }
  if (L.axis) {
    const [x0, y0, x1, y1] = L.axis;
    paint(canvas, size, COLORS.axis, (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1, L.axis);
  }
  for (const bar of L.bars) {
    const [x0, y0, x1, y1] = bar;
    // a hint of rounding on the bar tops at the larger sizes
    const r = size >= 64 ? size / 64 : 0;
    paint(canvas, size, COLORS.bar, (x, y) => insideRoundedRect(x, y, x0, y0, x1, y1 + r, r), bar);
  }
  if (L.checkMask) {
    const { x: mx, y: my, rows } = L.checkMask;
    rows.forEach((row, j) => {
      for (let i = 0; i < row.length; i++) {
        if (row[i] !== "#") continue;
        const px = mx + i;
        const py = my + j;
        paint(canvas, size, COLORS.check, () => true, [px, py, px + 1, py + 1]);
      }
    });
  } else {
    paintCheck(canvas, size, L.check);
  }

  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < canvas.length; i += 4) {
    const a = canvas[i + 3];
    data[i] = Math.round(canvas[i]);
    data[i + 1] = Math.round(canvas[i + 1]);
    data[i + 2] = Math.round(canvas[i + 2]);
    data[i + 3] = Math.round(a * 255);
    if (data[i + 3] === 0) data[i] = data[i + 1] = data[i + 2] = 0;
  }
  return { width: size, height: size, data };
}

/** @returns {Map<string, Buffer>} file name → PNG bytes */
function renderAll(sizes = SIZES) {
  const files = new Map();
  for (const size of sizes) files.set(`icon-${size}.png`, encodePng(drawIcon(size)));
  return files;
}

function main(argv) {
  let outDir = path.join(__dirname, "..", "assets");
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") outDir = path.resolve(argv[++i]);
    else if (argv[i] === "--check") check = true;
    else if (argv[i] === "-h" || argv[i] === "--help") {
      console.log("Usage: node scripts/draw-icons.js [--out DIR] [--check]");
      return 0;
    } else {
      console.error(`Unknown argument: ${argv[i]}`);
      return 2;
    }
  }
  const files = renderAll();
  if (check) {
    let stale = 0;
    for (const [name, bytes] of files) {
      const file = path.join(outDir, name);
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(bytes)) {
        console.error(`图标已过期 / icon out of date: ${file} (run: node scripts/draw-icons.js)`);
        stale++;
      }
    }
    if (stale === 0) console.log(`icons up to date in ${outDir}`);
    return stale === 0 ? 0 : 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) {
    fs.writeFileSync(path.join(outDir, name), bytes);
    console.log(`wrote ${path.join(outDir, name)} (${bytes.length} bytes)`);
  }
  return 0;
}

module.exports = { drawIcon, renderAll, SIZES, LAYOUTS };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
