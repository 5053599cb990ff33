/**
 * Byte plumbing between our API (Uint8Array | ArrayBuffer, same in Node and browser) and exceljs, whose typings
 * say "Buffer" but whose loader (JSZip) takes any Uint8Array/ArrayBuffer and whose writer returns a Node Buffer
 * (a polyfilled one in the browser bundle): both are Uint8Arrays.
 */
export function asUint8Array(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** exceljs's load() typing wants its own Buffer alias (an ArrayBuffer); JSZip reads the Uint8Array view as is. */
export function forExcelJs(bytes: Uint8Array): ArrayBuffer {
  return bytes as unknown as ArrayBuffer;
}

/** A plain Uint8Array over what exceljs wrote (a Buffer subclass in Node), without copying. */
export function fromExcelJs(out: ArrayBuffer | Uint8Array): Uint8Array {
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}
