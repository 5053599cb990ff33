/**
 * Hands bytes to the browser as a download (Blob + object URL): nothing leaves the machine. The URL is revoked
 * a little later, not at once: some browsers start reading the blob only after the click handler returns.
 */
export function saveFile(data: Uint8Array | string, fileName: string, type: string, doc: Document = document): void {
  const part: BlobPart = typeof data === "string" ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_TYPE = "application/json;charset=utf-8";
