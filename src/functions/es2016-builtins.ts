/*
 * The JavaScript-only runtime that runs custom functions supports ECMAScript 2016 (office-js-docs-pr #4496; the
 * Office template adds polyfills for the same reason). TypeScript lowers newer syntax but not newer library
 * members, and src/core uses a few: Object.values and Array.prototype.flatMap while the unit registry loads (a
 * throw there registers no function at all), String.prototype.padStart and matchAll when a date is read. Each is
 * defined here only where the runtime lacks it, with the standard's behaviour for the way core calls it.
 * functions.ts imports this module first; tests/functions/bundle.test.ts runs the bundle without these members.
 */

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

define(Object, "values", function values(o: Record<string, unknown>): unknown[] {
  return Object.keys(o).map((k) => o[k]);
});

define(Object, "entries", function entries(o: Record<string, unknown>): [string, unknown][] {
  return Object.keys(o).map((k): [string, unknown] => [k, o[k]]);
});

define(Array.prototype, "flatMap", function flatMap<T, U>(
  this: T[],
  fn: (value: T, index: number, array: T[]) => U | U[],
  thisArg?: unknown,
): U[] {
  const out: U[] = [];
  for (let i = 0; i < this.length; i++) {
    const mapped = fn.call(thisArg, this[i], i, this);
    if (Array.isArray(mapped)) for (const m of mapped) out.push(m);
    else out.push(mapped);
  }
  return out;
});

define(String.prototype, "padStart", function padStart(this: string, length: number, fill = " "): string {
  const s = String(this);
  if (s.length >= length || fill === "") return s;
  let pad = "";
  while (pad.length < length - s.length) pad += fill;
  return pad.slice(0, length - s.length) + s;
});

define(String.prototype, "matchAll", function matchAll(this: string, regex: RegExp): IterableIterator<RegExpExecArray> {
  if (!regex.global) throw new TypeError("matchAll needs a global regular expression");
  const copy = new RegExp(regex.source, regex.flags);
  copy.lastIndex = regex.lastIndex;
  const matches: RegExpExecArray[] = [];
  for (let m = copy.exec(this); m !== null; m = copy.exec(this)) {
    matches.push(m);
    if (m[0] === "") copy.lastIndex++;
  }
  return matches[Symbol.iterator]();
});
