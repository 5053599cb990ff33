import { version } from "../../package.json";
import { parseArgs } from "./args";
import { EXIT_OK, EXIT_USAGE } from "./exit-code";
import { helpText, usageHint } from "./help";
import { CliIO } from "./io";
import { say } from "./say";

export type { CliIO, TextSink } from "./io";

/**
 * The whole command, in-process: parses argv, checks the files, writes the report to io.stdout and diagnostics to
 * io.stderr, and returns the exit status. It never calls process.exit and never reads process state, so tests and
 * other tools can call it; src/cli/bin.ts connects it to the real process.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case "help":
      io.stdout.write(helpText(parsed.lang));
      return EXIT_OK;
    case "version":
      io.stdout.write(`zs-check ${version}\n`);
      return EXIT_OK;
    case "error":
      say(io, parsed.lang, parsed.message);
      if (parsed.usage) io.stderr.write(usageHint(parsed.lang));
      return EXIT_USAGE;
    case "run": {
      // Loaded here, not at the top: exceljs and the rules take a noticeable moment to load, which --help and a
      // mistyped option should not pay. require, not import(): the bin's tsx hook compiles required .ts files,
      // while a dynamic import() would go to Node's ESM loader, which cannot load .ts.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { checkBatch } = require("./batch") as typeof import("./batch");
      return checkBatch(parsed.options, io);
    }
  }
}
