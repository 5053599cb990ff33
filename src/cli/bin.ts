import { run } from "./main";

/**
 * The process glue, kept out of main.ts so that run() stays free of process state: real streams in, exit status
 * out. Loaded by bin/zs-check.js (through tsx) and by `tsx src/cli/bin.ts` (npm run check).
 */

// `zs-check … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace. The
// rest of the report is dropped and the run still ends with its own exit status (the checks are already done).
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== "EPIPE") throw err;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    // exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`zs-check: internal error / 内部错误: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
