/** jsdom lacks a few browser APIs that Fluent and the page touch: harmless stand-ins. */
export function installBrowserStubs(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (typeof g.ResizeObserver === "undefined") {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (typeof window.matchMedia !== "function") {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}

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
