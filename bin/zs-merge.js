#!/usr/bin/env node
"use strict";
/*
 * The zs-merge command. No build step: tsx's require hook compiles the TypeScript sources as they load (esbuild,
 * cached in the OS temp folder), so a fresh clone works right after `npm install`. Node >= 20.
 */
let register;
try {
  ({ register } = require("tsx/cjs/api"));
} catch {
  process.stderr.write(
    "zs-merge: 缺少 tsx，请先在项目目录运行 npm install\n" +
      "zs-merge: tsx is missing; run npm install in the project folder first\n",
  );
  process.exit(2);
}
register();
require("../src/cli/merge-bin.ts");
