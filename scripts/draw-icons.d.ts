// Types for scripts/draw-icons.js (CommonJS).
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}
export function drawIcon(size: number): RgbaImage;
/** file name (icon-16.png …) → PNG bytes */
export function renderAll(sizes?: number[]): Map<string, Buffer>;
export const SIZES: number[];
export const LAYOUTS: Record<number, unknown>;
