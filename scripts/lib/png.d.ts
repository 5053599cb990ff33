// Types for scripts/lib/png.js (CommonJS).
import type { RgbaImage } from "../draw-icons";
export function encodePng(img: RgbaImage): Buffer;
export function decodePng(buf: Buffer): RgbaImage;
export function crc32(buf: Uint8Array): number;
