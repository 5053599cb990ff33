/**
 * Starts the read worker. Alone in its module because webpack recognises exactly this `new Worker(new URL(…,
 * import.meta.url))` form (webpack 5, "Web Workers" guide) and builds read-worker.ts as its own chunk, while
 * jest's CommonJS cannot load a module that mentions import.meta: workbook-reader.ts imports this file only where a
 * Worker exists, which jsdom has not.
 */
export function spawnReadWorker(): Worker {
  return new Worker(/* webpackChunkName: "read-worker" */ new URL("./read-worker.ts", import.meta.url));
}
