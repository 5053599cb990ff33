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
  /** One char per byte (offsets in the string are byte offsets): the XML scanners work on this. */
  latin1(bytes: Uint8Array): string;
  /** UTF-8 text of bytes[start, end). */
  utf8(bytes: Uint8Array, start: number, end: number): string;
}

const utf8Decoder = new TextDecoder("utf-8");

/** TextDecoder-based text operations, for platforms without Node's Buffer. */
export function decodeLatin1(bytes: Uint8Array): string {
  // WHATWG maps the "latin1" label to windows-1252, which changes a few characters in 0x80–0x9F but keeps one
  // char per byte; the scanners only look at ASCII structure, so the offsets are all that matters.
  const decoder = new TextDecoder("latin1");
  return decoder.decode(bytes);
}

export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return utf8Decoder.decode(bytes.subarray(start, end));
}
