import { runMerge } from "./merge-main";
import { runAsProcess } from "./process-glue";

/** zs-merge as a process (bin/zs-merge.js), as bin.ts is for zs-check. */
runAsProcess("zs-merge", runMerge);
