import { ByteTools, decodeLatin1, utf8FromLatin1 } from "./byte-tools";

/** Thrown when this browser's DecompressionStream lacks the "deflate-raw" format (Chromium before 103). */
export class InflateUnsupportedError extends Error {
  constructor() {
    super('DecompressionStream("deflate-raw") is not available');
    this.name = "InflateUnsupportedError";
  }
}

function rawInflater(): DecompressionStream {
  try {
    return new DecompressionStream("deflate-raw");
  } catch {
    throw new InflateUnsupportedError();
  }
}

/**
 * Inflates with the browser's DecompressionStream("deflate-raw") (Chrome/Edge 103+, Firefox 113+, Safari 16.4+:
 * https://developer.mozilla.org/en-US/docs/Web/API/DecompressionStream), reading chunk by chunk and cancelling
 * as soon as the real output passes `maxBytes`, so a bomb never gets inflated whole.
 */
async function inflateRaw(data: Uint8Array, maxBytes: number): Promise<Uint8Array | "too-large"> {
  if (typeof DecompressionStream !== "function") throw new InflateUnsupportedError();
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(rawInflater());
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * CompressionStream("deflate-raw") ships in the same browser versions as its decompressing twin
 * (https://developer.mozilla.org/en-US/docs/Web/API/CompressionStream); where it is missing the parts are stored.
 */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  let stream: CompressionStream;
  try {
    stream = new CompressionStream("deflate-raw");
  } catch {
    return data;
  }
  const buffer = await new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(buffer);
}

export const webByteTools: ByteTools = {
  inflateRaw,
  latin1: decodeLatin1,
  utf8: utf8FromLatin1,
  ...(typeof CompressionStream === "function" ? { deflateRaw } : {}),
};

/** True where this browser (or runtime) has DecompressionStream with the raw DEFLATE format. */
export function hasDecompressionStream(): boolean {
  return typeof DecompressionStream === "function";
}
