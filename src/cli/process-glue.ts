import { CliIO } from "./io";

/**
 * The process glue of a command (zs-check, zs-merge), kept out of their run() so that run() stays free of process
 * state: real streams in, exit status out.
 */
export function runAsProcess(command: string, run: (argv: string[], io: CliIO) => Promise<number>): void {
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
      process.stderr.write(`${command}: internal error / 内部错误: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
