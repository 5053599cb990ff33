/**
 * Everything the CLI touches of its process, passed in so that run() is testable in-process: tests hand it string
 * buffers, a temp directory as cwd and an env without NO_COLOR. Files are read through node:fs directly (tests use
 * real temp files), but always resolved against `cwd`, never process.cwd().
 */
export interface TextSink {
  write(chunk: string): unknown;
  /** Terminal width when the sink is a terminal (process.stderr.columns); used by the progress bar. */
  columns?: number;
}

export interface CliIO {
  stdout: TextSink;
  stderr: TextSink;
  /** stdout is a terminal: colours allowed (unless NO_COLOR). */
  isTTY: boolean;
  /** stderr is a terminal: progress bar allowed. Defaults to isTTY (both are the same terminal in practice). */
  stderrIsTTY?: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}
