"use strict";
/*
 * The floor for reading a workbook: a bare process that unzips the first worksheet's XML (Node's zlib, the
 * central directory walked by hand) and scans its cells with no model — counts <c> elements and touches each <v>
 * value's bytes. Nothing can read the sheet faster than this, so zs-check's time is quoted as a multiple of it.
 * Plain JavaScript so that it starts as fast as node itself. Usage: node bench/unzip-floor.cjs file.xlsx
 */
const fs = require("fs");
const zlib = require("zlib");

const buf = fs.readFileSync(process.argv[2]);
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
let at = buf.readUInt32LE(eocd + 16);
const end = at + buf.readUInt32LE(eocd + 12);
let sheet = null;
while (at < end) {
  const nameLen = buf.readUInt16LE(at + 28);
  const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && !sheet) {
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    sheet = buf.subarray(start, start + buf.readUInt32LE(at + 20));
  }
  at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
}
const xml = zlib.inflateRawSync(sheet);
let cells = 0;
let valueBytes = 0;
const n = xml.length;
for (let i = 0; i < n; i++) {
  if (xml[i] !== 0x3c) continue;
  const next = xml[i + 1];
  const after = xml[i + 2];
  if (next === 0x63 /* c */ && (after === 0x20 || after === 0x3e)) cells++;
  else if (next === 0x76 /* v */ && after === 0x3e) {
    let j = i + 3;
    while (j < n && xml[j] !== 0x3c) j++;
    valueBytes += j - (i + 3);
    i = j - 1;
  }
}
process.stdout.write(`${cells} cells, ${valueBytes} value bytes\n`);
