export { installBrowserStubs } from "../../support/jsdom-stubs";

/** Captures what the page hands to URL.createObjectURL (the downloads) instead of saving anything. */
export function captureDownloads(): { blobs: Blob[]; names: string[] } {
  const out = { blobs: [] as Blob[], names: [] as string[] };
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    out.blobs.push(obj as Blob);
    return `blob:test/${out.blobs.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    out.names.push(this.download);
  };
  return out;
}

/** jsdom's Blob has no text()/arrayBuffer() in every version: read it through FileReader. */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
