import { readWorkbook } from "../xlsx/read";
import { hasDecompressionStream, webByteTools } from "../xlsx/web-byte-tools";
import { ReadMessage, ReadRequest, errorMessage, workbookMessages } from "./read-protocol";

/** Progress is posted at most this often: a message per part would be plenty, but a sheet can be one huge part. */
const PROGRESS_STEP = 0.01;

/**
 * The read worker's whole job, apart from the worker itself so that it can be tested in one thread: read the
 * workbook (limits first: the zip directory is walked here, once, not on the page) and post it in slices.
 */
export async function serveRead(request: ReadRequest, post: (message: ReadMessage) => void): Promise<void> {
  let shown = -1;
  try {
    const data = await readWorkbook(request.bytes, {
      fileName: request.fileName,
      // The browser's own inflate; where a runtime lacks DecompressionStream (jsdom in tests) the default is used.
      byteTools: hasDecompressionStream() ? webByteTools : undefined,
      onProgress: (fraction) => {
        if (fraction - shown < PROGRESS_STEP && fraction < 1) return;
        shown = fraction;
        post({ type: "progress", fraction });
      },
    });
    for (const message of workbookMessages(data)) post(message);
  } catch (err) {
    post(errorMessage(err));
  }
}
