import * as fs from "node:fs";
import * as path from "node:path";
import { renderAll, drawIcon, SIZES } from "../../scripts/draw-icons";
import { decodePng, encodePng, crc32 } from "../../scripts/lib/png";

const ASSETS = path.resolve(__dirname, "..", "..", "assets");

describe("scripts/draw-icons.js", () => {
  test("the committed icons are exactly what the script draws (run node scripts/draw-icons.js after a change)", () => {
    for (const [name, bytes] of renderAll()) {
      const committed = fs.readFileSync(path.join(ASSETS, name));
      expect({ name, same: committed.equals(bytes) }).toEqual({ name, same: true });
    }
  });

  test.each(SIZES)("icon-%i.png decodes to a %i px square, opaque inside, with white bars", (size) => {
    const img = decodePng(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect([img.width, img.height]).toEqual([size, size]);
    const px = (x: number, y: number) => Array.from(img.data.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
    // centre of the background is opaque blue
    const bg = px(Math.floor(size / 2), Math.floor(size * 0.1));
    expect(bg[3]).toBe(255);
    expect(bg[2]).toBeGreaterThan(bg[0]);
    // the tallest bar (right-most) has a pure white pixel in its middle
    const bar = px(Math.floor(size * 0.75), Math.floor(size * 0.6));
    expect(bar).toEqual([255, 255, 255, 255]);
  });

  test("16 px bars are pixel-aligned (no half-tone columns at their edges)", () => {
    const img = drawIcon(16);
    const alpha = (x: number, y: number) => img.data[(y * 16 + x) * 4];
    // the right-most bar spans columns 11-12 fully white, column 10 and 13 are background
    for (let y = 4; y < 13; y++) {
      expect([alpha(11, y), alpha(12, y)]).toEqual([255, 255]);
      expect(alpha(10, y)).toBeLessThan(100);
      expect(alpha(13, y)).toBeLessThan(100);
    }
  });

  test("png round trip and crc32", () => {
    const data = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) & 0xff);
    const back = decodePng(encodePng({ width: 3, height: 2, data }));
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
