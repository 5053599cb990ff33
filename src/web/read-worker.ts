/*
 * The standalone page's read worker: the workbook is inflated, scanned and turned into grids here, off the main
 * thread, so a 100,000-row sheet does not freeze the tab while it is read. Started by spawn-read-worker.ts.
 */
import { ReadMessage, ReadRequest } from "./read-protocol";
import { serveRead } from "./read-service";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadMessage): void;
};

scope.onmessage = (event) => void serveRead(event.data, (message) => scope.postMessage(message));
