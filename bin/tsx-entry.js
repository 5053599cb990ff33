"use strict";
/*
 * How bin/zs-check.js and bin/zs-merge.js start. No build step: tsx's require hook compiles the TypeScript sources as
 * they load (esbuild, cached in the OS temp folder), so a fresh clone works right after `npm install`. Node >= 20.
 */
module.exports = function start(command, entry) {
  let register;
  try {
    ({ register } = require("tsx/cjs/api"));
  } catch {
    process.stderr.write(
      `${command}: 缺少 tsx，请先在项目目录运行 npm install\n` + `${command}: tsx is missing; run npm install in the project folder first\n`,
    );
    process.exit(2);
  }
  register();
  require(entry);
};
