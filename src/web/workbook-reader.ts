/*
 * Opening a workbook on the page: read in a Web Worker (read-worker.ts) and handed back in slices, so the tab stays
 * responsive while a large sheet is read, with progress to show. No exceljs here: reading is our own reader
 * (src/xlsx/read.ts); exceljs is loaded only when a copy is written (workbook-io.ts).
 */
import { readWorkbook } from "../xlsx/read";
import { hasDecompressionStream, webByteTools } from "../xlsx/web-byte-tools";
import type { LoadedWorkbook } from "./memory-port";
import { ReadMessage, WorkbookAssembler } from "./read-protocol";

/** Share of the progress bar given to reading in the worker; the rest is the grid arriving on the page. */
const READ_SHARE = 0.8;

export type ReadProgress = (fraction: number) => void;

/** Reads in this thread: where no Worker can be started (jsdom, a page opened from file://). */
async function readHere(bytes: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<LoadedWorkbook> {
  const data = await readWorkbook(bytes, {
    fileName,
    byteTools: hasDecompressionStream() ? webByteTools : undefined,
    onProgress: (f) => onProgress?.(f),
  });
  return { fileName, bytes, data };
}

function readInWorker(worker: Worker, bytes: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<LoadedWorkbook | "no-worker"> {
  return new Promise((resolve, reject) => {
    const assembler = new WorkbookAssembler();
    let heard = false;
    const finish = (outcome: () => void) => {
      worker.terminate();
      outcome();
    };
    worker.onmessage = (event: MessageEvent<ReadMessage>) => {
      heard = true;
      const message = event.data;
      try {
        if (message.type === "progress") {
          onProgress?.(message.fraction * READ_SHARE);
          return;
        }
        if (assembler.accept(message)) {
          onProgress?.(1);
          finish(() => resolve({ fileName, bytes, data: assembler.result() }));
        } else if (message.type === "rows") {
          onProgress?.(READ_SHARE + assembler.fraction() * (1 - READ_SHARE));
        }
      } catch (err) {
        finish(() => reject(err));
      }
    };
    // A worker script that never ran (not served, blocked) is not the file's fault: read here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => (heard ? reject(new Error(event.message || "read worker failed")) : resolve("no-worker")));
    };
    // A copy goes to the worker: the page keeps the original bytes for the annotated copy and the file's hash.
    worker.postMessage({ bytes, fileName });
  });
}

/** A User Timing mark when a workbook has been read, so a browser test or a profile can tell reading from what follows. */
export const READ_MARK = "zs:workbook-read";

/** Reads every worksheet into grids, off the main thread where the browser allows it. */
export async function openWorkbook(bytes: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<LoadedWorkbook> {
  const read = await readAnywhere(bytes, fileName, onProgress);
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(READ_MARK);
  return read;
}

async function readAnywhere(bytes: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<LoadedWorkbook> {
  if (typeof Worker !== "function") return readHere(bytes, fileName, onProgress);
  let worker: Worker;
  try {
    const { spawnReadWorker } = await import(/* webpackMode: "eager" */ "./spawn-read-worker");
    worker = spawnReadWorker();
  } catch {
    // Chromium refuses workers to pages opened from file:// (SecurityError).
    return readHere(bytes, fileName, onProgress);
  }
  const read = await readInWorker(worker, bytes, fileName, onProgress);
  return read === "no-worker" ? readHere(bytes, fileName, onProgress) : read;
}
