import { version } from "../../package.json";
import { EXIT_OK, EXIT_USAGE } from "./exit-code";
import { CliIO } from "./io";
import { parseMergeArgs } from "./merge-args";
import { mergeHelpText, mergeUsageHint } from "./merge-help";
import { say } from "./say";

/**
 * zs-merge, in-process like zs-check's run(): parses argv, checks and merges the files, writes the workbook and the
 * report, returns the exit status. Never touches the real process; src/cli/merge-bin.ts connects it.
 */
export async function runMerge(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseMergeArgs(argv);
  switch (parsed.kind) {
    case "help":
      io.stdout.write(mergeHelpText(parsed.lang));
      return EXIT_OK;
    case "version":
      io.stdout.write(`zs-merge ${version}\n`);
      return EXIT_OK;
    case "error":
      say(io, parsed.lang, parsed.message, "zs-merge");
      if (parsed.usage) io.stderr.write(mergeUsageHint(parsed.lang));
      return EXIT_USAGE;
    case "run": {
      // Loaded lazily, as zs-check does: --help must not pay for the reader and the rules.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { mergeBatch } = require("./merge-batch") as typeof import("./merge-batch");
      return mergeBatch(parsed.options, io);
    }
  }
}

export { runMerge as run };
