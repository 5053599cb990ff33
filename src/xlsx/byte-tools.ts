/**
 * The three byte operations the reader needs from its platform, injected so that the same reader runs in Node
 * (zlib, Buffer: the fastest here) and in a browser (DecompressionStream, TextDecoder) without the page bundle
 * pulling in a zlib polyfill. byte-tools-node.ts picks Node's when present; web-byte-tools.ts is the browser's.
 */
export interface ByteTools {
  /**
   * Inflates raw DEFLATE data, producing at most `maxBytes` bytes: when the data would inflate to more, it stops
   * there and answers "too-large" (the real bytes are counted, whatever the archive declared). Throws on data
   * that is not valid DEFLATE.
   */
  inflateRaw(data: Uint8Array, maxBytes: number): Promise<Uint8Array | "too-large">;
  /**
   * One char per byte, char code = byte (ISO-8859-1, so offsets in the string are byte offsets and the bytes can
   * be recovered from it): the XML scanners work on this, and the inflated bytes can be dropped once it exists.
   */
  latin1(bytes: Uint8Array): string;
  /** The UTF-8 text of src[start, end), src being a latin1() string. */
  utf8(src: string, start: number, end: number): string;
  /** Compresses as raw DEFLATE, for the parts the annotated copy writes; absent: those parts are stored. */
  deflateRaw?(data: Uint8Array): Promise<Uint8Array>;
  /** The platform's CRC-32 and latin1 encoder where faster than ours (Node's zlib and Buffer: ~15× and ~6×). */
  crc32?(data: Uint8Array): number;
  latin1Bytes?(src: string): Uint8Array;
}

const utf8Decoder = new TextDecoder("utf-8");

/**
 * latin1 for platforms without Node's Buffer. Not TextDecoder("latin1"): the WHATWG Encoding standard maps that
 * label to windows-1252, which turns bytes 0x80–0x9F into other characters and could not give the bytes back.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192; // well under any engine's argument-count limit
  for (let i = 0; i < bytes.byteLength; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join("");
}

export function utf8FromLatin1(src: string, start: number, end: number): string {
  const bytes = new Uint8Array(end - start);
  for (let i = start; i < end; i++) bytes[i - start] = src.charCodeAt(i);
  return utf8Decoder.decode(bytes);
}
