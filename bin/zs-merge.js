#!/usr/bin/env node
"use strict";
/* The zs-merge command: see tsx-entry.js. */
require("./tsx-entry")("zs-merge", require.resolve("../src/cli/merge-bin.ts"));
