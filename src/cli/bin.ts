import { run } from "./main";
import { runAsProcess } from "./process-glue";

/** zs-check as a process. Loaded by bin/zs-check.js (through tsx), by `tsx src/cli/bin.ts` and by the CLI bundle. */
runAsProcess("zs-check", run);
