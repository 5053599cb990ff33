#!/usr/bin/env node
"use strict";
/* The zs-check command: see tsx-entry.js. */
require("./tsx-entry")("zs-check", require.resolve("../src/cli/bin.ts"));
