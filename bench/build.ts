import webpack from "webpack";

/** A production build of some entries into `outDir`, through the project's own webpack config. */
export function buildEntries(entries: string[], outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require("../webpack.config.js");
  const config = configFactory({ only: entries.join(","), outDir }, { mode: "production" });
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}
