import { OfficeMockObject } from "office-addin-mock";
import { BatchOptions, OfficeHost } from "../../src/excel/host";

/*
 * Test support (not a test file): a small in-memory Excel behind Office.js-shaped proxies, for the Office.js adapter.
 *
 * office-addin-mock knows nothing of Excel: it gives the request context (an OfficeMockObject whose `sync` is ours,
 * so tests count requests with jest.spyOn(context, "sync")) and the Office global (the Common API: plain properties,
 * no load/sync, which the mock models in its Outlook mode). The Excel objects below are what the adapter calls,
 * with Office.js's batch semantics, deliberately strict:
 *   - reading a property that was not loaded, or before the sync that loads it, throws (PropertyNotLoaded);
 *   - every write and method call is queued and runs in order at the next sync, so "format before values" and
 *     "delete before add" are really tested;
 *   - a batch that ends with unsynced commands fails (a forgotten sync);
 *   - an API beyond the configured ExcelApi version throws (ApiNotFound);
 *   - reading `custom` of a non-Custom conditional format fails the request (office-js issue #2180);
 *   - writing a string starting with "=" into a cell not formatted as text makes it a formula, as Excel does.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;
const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  border: string | null;
  bold: boolean;
  wrapText: boolean;
  verticalAlignment: string | null;
  hyperlink: FakeHyperlink | null;
}

export interface FakeConditionalFormat {
  id: number;
  type: string;
  areas: Rect[];
  formula: string | null;
  fill: string | null;
}

export interface FakeNote {
  cell: string;
  content: string;
  author: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  /** Index = priority (0 first). */
  conditionalFormats: FakeConditionalFormat[];
  notes: FakeNote[];
  merges: Rect[];
  hiddenRows: Set<number>;
  frozenRows: number;
  columnWidths: Map<number, number>;
}

export interface RequestLog {
  commands: number;
  /** JSON length of what the batch wrote (values, formats, formulas …). */
  requestBytes: number;
  /** JSON length of what the batch loaded. */
  responseBytes: number;
}

// ---------------------------------------------------------------------------------------------------------------
// A1 helpers (kept local: the mock must not share code with what it tests)

export function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const d = (n - 1) % 26;
    out = String.fromCharCode(65 + d) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function cellName(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw officeError("InvalidArgument", `bad cell ${ref}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

export function parseRect(ref: string): Rect {
  const r = ref.trim().replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(r);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COL };
  const [a, b] = r.split(":");
  const from = parseCell(a);
  const to = b === undefined ? from : parseCell(b);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export function rectName(r: Rect): string {
  if (r.left === 0 && r.right === MAX_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const a = cellName(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellName(r.bottom, r.right)}`;
}

function qualified(sheet: string, ref: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(sheet) ? `${sheet}!${ref}` : `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

const key = (row: number, col: number): string => `${row},${col}`;

export function blankCell(): FakeCell {
  return { value: "", formula: null, numberFormat: "General", fill: null, border: null, bold: false, wrapText: false, verticalAlignment: null, hyperlink: null };
}

export function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function parseProps(arg: unknown): string[] {
  if (arg === undefined) throw new Error("mock: load() without properties loads everything; name them");
  const list = Array.isArray(arg) ? arg : String(arg).split(",");
  return list.map((p) => String(p).trim()).filter((p) => p !== "");
}

function size(v: unknown): number {
  return v === undefined ? 0 : JSON.stringify(v).length;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook model and the request queue

interface Command {
  run: () => void;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version this Excel supports. Default "1.20". */
  apiVersion?: string;
  displayLanguage?: string;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  eventsEnabled = true;
  /** Every command that changed the workbook, with the event state at that moment. */
  readonly writes: { what: string; eventsEnabled: boolean }[] = [];
  readonly runs: BatchOptions[] = [];
  readonly requests: RequestLog[] = [];
  readonly settings = new Map<string, unknown>();
  readonly notices: { title: string; message: string }[] = [];
  apiVersion: string;
  displayLanguage: string;
  /** When set, a batch run with mergeUndoGroup fails with UndoNotSupported before doing anything. */
  refuseUndoGroups = false;
  /** When set, document settings fail to save. */
  settingsSaveFails = false;
  readonly context: Excel.RequestContext;
  private queue: Command[] = [];
  private current: RequestLog = { commands: 0, requestBytes: 0, responseBytes: 0 };
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.displayLanguage = options.displayLanguage ?? "zh-CN";
    const context = new OfficeMockObject({ sync: () => this.flush() }) as unknown as Record<string, unknown>;
    context.workbook = new WorkbookProxy(this);
    context.runtime = new RuntimeProxy(this);
    this.context = context as unknown as Excel.RequestContext;
  }

  // --- building the workbook

  addSheet(name: string, init: { values?: unknown[][]; numberFormats?: string[][]; origin?: { row: number; col: number } } = {}): FakeSheet {
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      conditionalFormats: [],
      notes: [],
      merges: [],
      hiddenRows: new Set(),
      frozenRows: 0,
      columnWidths: new Map(),
    };
    const o = init.origin ?? { row: 0, col: 0 };
    init.values?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const cell = this.cellOf(sheet, o.row + r, o.col + c);
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          cell.value = 0;
        } else cell.value = v as string | number | boolean;
      }),
    );
    init.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && f !== "General") this.cellOf(sheet, o.row + r, o.col + c).numberFormat = f;
      }),
    );
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`mock: no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  cellOf(sheet: FakeSheet, row: number, col: number): FakeCell {
    let cell = sheet.cells.get(key(row, col));
    if (!cell) {
      cell = blankCell();
      sheet.cells.set(key(row, col), cell);
    }
    return cell;
  }

  /** The cell as it is (a blank one if it was never written), by A1. */
  cell(sheet: string, ref: string): FakeCell {
    const { row, col } = parseCell(ref);
    return this.sheet(sheet).cells.get(key(row, col)) ?? blankCell();
  }

  newId(): number {
    return this.nextId++;
  }

  addConditionalFormat(sheet: string, f: Omit<FakeConditionalFormat, "id">): FakeConditionalFormat {
    const format = { ...f, id: this.newId() };
    this.sheet(sheet).conditionalFormats.push(format);
    return format;
  }

  /** The fill a user sees: the first (highest-priority) conditional format that holds, else the cell's own fill. */
  displayedFill(sheet: string, ref: string): string | null {
    const { row, col } = parseCell(ref);
    const s = this.sheet(sheet);
    for (const f of s.conditionalFormats) {
      // The mock evaluates only always-TRUE rules (the add-in's markers); the user's own rules count as FALSE.
      const holds = f.type === "Custom" && f.formula !== null && /^=N\("[^"]*"\)=0$/.test(f.formula);
      if (holds && f.fill && f.areas.some((a) => contains(a, row, col))) return f.fill;
    }
    return this.cell(sheet, ref).fill;
  }

  /** A deep, comparable copy of everything in the workbook. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify(
        this.sheets.map((s) => ({
          ...s,
          cells: [...s.cells.entries()].filter(([, c]) => JSON.stringify(c) !== JSON.stringify(blankCell())).sort(),
          hiddenRows: [...s.hiddenRows].sort(),
          columnWidths: [...s.columnWidths.entries()].sort(),
        })),
      ),
    );
  }

  // --- what the adapter sees

  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && versionAtLeast(this.apiVersion, version);
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version)) throw officeError("ApiNotFound", `${what} needs ExcelApi ${version}, this Excel has ${this.apiVersion}`);
  }

  async run<T>(options: BatchOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (options.mergeUndoGroup) {
      this.requireApi("1.20", "mergeUndoGroup");
      if (this.refuseUndoGroups) throw officeError("UndoNotSupported", "an API in the group has no undo support");
    }
    this.runs.push(options);
    this.queue = [];
    const result = await batch(this.context);
    if (this.queue.length > 0) throw new Error(`mock: the batch ended with ${this.queue.length} unsynced commands`);
    return result;
  }

  /** An OfficeHost over this workbook (what OfficeWorkbookPort takes). */
  host(): OfficeHost {
    return {
      run: (options, batch) => this.run(options, batch),
      isSetSupported: (name, version) => this.isSetSupported(name, version),
      displayLanguage: () => this.displayLanguage,
      settings: () => this.documentSettings(),
    };
  }

  documentSettings(): { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(cb?: (r: Office.AsyncResult<void>) => void): void } {
    return {
      get: (name) => (this.settings.has(name) ? this.settings.get(name) : null),
      set: (name, value) => {
        this.settings.set(name, value);
      },
      saveAsync: (cb) => {
        const failed = this.settingsSaveFails;
        const result = { status: failed ? "failed" : "succeeded", error: failed ? { message: "read-only" } : undefined, value: undefined };
        setTimeout(() => cb?.(result as unknown as Office.AsyncResult<void>), 0);
      },
    };
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  request(): RequestLog {
    return this.current;
  }

  recordWrite(what: string): void {
    this.writes.push({ what, eventsEnabled: this.eventsEnabled });
  }

  private async flush(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.current = { commands: commands.length, requestBytes: 0, responseBytes: 0 };
    this.requests.push(this.current);
    for (const c of commands) c.run();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

function notLoaded(prop: string): Error {
  return officeError("PropertyNotLoaded", `the property '${prop}' is not available: load it and sync first`);
}

abstract class ClientObject<T> {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly fx: FakeExcel,
    private readonly resolver: () => T | null,
  ) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** For the mock itself: what this proxy stands for, resolved now. */
  resolved(): T {
    return this.target();
  }

  /** Resolves at run time (inside a sync): a missing object fails the request, as in Excel. */
  protected target(): T {
    const t = this.resolver();
    if (t === null) throw officeError("ItemNotFound", `${this.constructor.name}: the object does not exist`);
    return t;
  }

  load(arg?: string | string[]): this {
    const props = parseProps(arg);
    this.fx.enqueue({
      run: () => {
        const t = this.resolver();
        this.nullState = t === null;
        if (t === null) return;
        for (const p of props) {
          const v = this.snapshot(t, p);
          this.loaded.set(p, v);
          this.fx.request().responseBytes += size(v);
        }
      },
    });
    return this;
  }

  protected abstract snapshot(t: T, prop: string): unknown;

  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  /** Marks properties as loaded with these values (a collection's items come loaded). */
  preload(t: T, props: readonly string[]): this {
    this.nullState = false;
    for (const p of props) this.loaded.set(p, this.snapshot(t, p));
    return this;
  }

  protected write(what: string, payload: unknown, apply: (t: T) => void): void {
    this.fx.enqueue({
      run: () => {
        apply(this.target());
        this.fx.request().requestBytes += size(payload);
        this.fx.recordWrite(what);
      },
    });
  }
}

class RuntimeProxy {
  constructor(private readonly fx: FakeExcel) {}

  set enableEvents(v: boolean) {
    this.fx.requireApi("1.8", "Runtime.enableEvents");
    this.fx.enqueue({
      run: () => {
        this.fx.eventsEnabled = v;
      },
    });
  }

  get enableEvents(): boolean {
    throw notLoaded("enableEvents");
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;

  constructor(fx: FakeExcel) {
    this.worksheets = new WorksheetCollectionProxy(fx);
  }
}

class WorksheetCollectionProxy extends ClientObject<FakeSheet[]> {
  private itemProps: string[] | null = null;
  private loadedItems: WorksheetProxy[] | null = null;

  constructor(fx: FakeExcel) {
    super(fx, () => fx.sheets);
  }

  override load(arg?: string | string[]): this {
    const props = parseProps(arg);
    this.fx.enqueue({
      run: () => {
        this.itemProps = props;
        this.loadedItems = this.fx.sheets.map((s) => new WorksheetProxy(this.fx, () => (this.fx.sheets.includes(s) ? s : null)).preload(s, props));
        this.fx.request().responseBytes += size(this.fx.sheets.map((s) => props.map((p) => (s as unknown as Record<string, unknown>)[p])));
      },
    });
    return this;
  }

  protected snapshot(): unknown {
    return null;
  }

  get items(): WorksheetProxy[] {
    if (this.loadedItems === null || this.itemProps === null) throw notLoaded("items");
    return this.loadedItems;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.fx, () => {
      const s = this.fx.findSheet(name);
      if (!s) throw officeError("ItemNotFound", `no worksheet named ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.fx, () => this.fx.findSheet(name));
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.fx, () => (this.fx.activeSheet === null ? null : this.fx.findSheet(this.fx.activeSheet)));
  }

  add(name: string): WorksheetProxy {
    this.fx.enqueue({
      run: () => {
        if (this.fx.findSheet(name)) throw officeError("ItemAlreadyExists", `a worksheet named ${name} exists`);
        this.fx.addSheet(name);
        this.fx.recordWrite(`add sheet ${name}`);
      },
    });
    return this.getItem(name);
  }
}

class WorksheetProxy extends ClientObject<FakeSheet> {
  protected snapshot(s: FakeSheet, prop: string): unknown {
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    throw new Error(`mock: Worksheet.${prop} is not modelled`);
  }

  get name(): string {
    return this.read("name");
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(v: string) {
    this.write(`visibility ${v}`, v, (s) => {
      s.visibility = v as FakeSheet["visibility"];
    });
  }

  private range(rect: () => Rect | null): RangeProxy {
    return new RangeProxy(this.fx, () => {
      const sheet = this.target();
      const r = rect();
      return r === null ? null : { sheet, rect: r };
    });
  }

  getRange(address?: string): RangeProxy {
    return this.range(() => (address === undefined ? WHOLE_SHEET : parseRect(address)));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw officeError("InvalidArgument", "empty range");
    return this.range(() => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }

  getCell(row: number, col: number): RangeProxy {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  getRanges(address: string): RangeAreasProxy {
    this.fx.requireApi("1.9", "Worksheet.getRanges");
    if (address.length > 8000) throw officeError("InvalidArgument", "address too long");
    return new RangeAreasProxy(this.fx, () => ({ sheet: this.target(), rects: address.split(",").map(parseRect) }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range(() => usedRect(this.target(), valuesOnly === true));
  }

  get notes(): NoteCollectionProxy {
    this.fx.requireApi("1.18", "Worksheet.notes");
    return new NoteCollectionProxy(this.fx, () => this.target());
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.write(`freeze ${n}`, n, (s) => {
          s.frozenRows = n;
        }),
    };
  }

  activate(): void {
    this.write("activate", null, (s) => {
      this.fx.activeSheet = s.name;
    });
  }

  /** Worksheet.delete (ExcelApi 1.1); Excel refuses to delete the last visible sheet. */
  delete(): void {
    this.write("delete sheet", null, (s) => {
      if (this.fx.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw officeError("InvalidOperation", "a workbook must keep at least one visible sheet");
      }
      this.fx.sheets.splice(this.fx.sheets.indexOf(s), 1);
      if (this.fx.activeSheet === s.name) this.fx.activeSheet = this.fx.sheets[0]?.name ?? null;
    });
  }
}

function hasFormat(c: FakeCell): boolean {
  return c.fill !== null || c.border !== null || c.bold || c.numberFormat !== "General" || c.hyperlink !== null;
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    const used = c.value !== "" || c.formula !== null || (!valuesOnly && hasFormat(c));
    if (!used) continue;
    const [row, col] = k.split(",").map(Number);
    r = r === null ? { top: row, left: col, bottom: row, right: col } : { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) };
  }
  return r;
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function matrixOf(t: RangeTarget, pick: (c: FakeCell) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(pick(t.sheet.cells.get(key(r, c)) ?? blankCell()));
    out.push(row);
  }
  return out;
}

class RangeProxy extends ClientObject<RangeTarget> {
  protected snapshot(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "rowCount":
        return t.rect.bottom - t.rect.top + 1;
      case "columnCount":
        return t.rect.right - t.rect.left + 1;
      case "address":
        return qualified(t.sheet.name, rectName(t.rect));
      case "values":
        return matrixOf(t, (c) => c.value);
      case "numberFormat":
        return matrixOf(t, (c) => c.numberFormat);
      case "formulas":
        return matrixOf(t, (c) => c.formula ?? c.value);
      default:
        throw new Error(`mock: Range.${prop} is not modelled`);
    }
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  private writeMatrix(what: string, m: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.write(what, m, (t) => {
      const rows = t.rect.bottom - t.rect.top + 1;
      const cols = t.rect.right - t.rect.left + 1;
      if (!Array.isArray(m) || m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw officeError("InvalidArgument", `${what}: the matrix does not match ${rows}×${cols}`);
      }
      m.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return; // Office.js: null leaves the cell as it is
          apply(this.fx.cellOf(t.sheet, t.rect.top + r, t.rect.left + c), v);
        }),
      );
    });
  }

  set values(m: unknown[][]) {
    this.writeMatrix("values", m, (cell, v) => {
      if (typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = v; // what Excel does with such a value in a General cell
        cell.value = 0;
      } else {
        cell.formula = null;
        cell.value = v as FakeCell["value"];
      }
    });
  }

  set numberFormat(m: unknown[][]) {
    this.writeMatrix("numberFormat", m, (cell, v) => {
      cell.numberFormat = String(v);
    });
  }

  set formulas(m: unknown[][]) {
    this.writeMatrix("formulas", m, (cell, v) => {
      if (typeof v === "string" && v.startsWith("=")) {
        cell.formula = v;
        cell.value = 0;
      } else {
        cell.formula = null;
        cell.value = v as FakeCell["value"];
      }
    });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), modelled for "Values" from a range of the same shape: the value is kept as it
   * is (number, text, error text), the formula goes, the format stays — Paste Values.
   */
  copyFrom(source: RangeProxy, copyType?: string): void {
    this.fx.requireApi("1.9", "Range.copyFrom");
    if (copyType !== "Values" || !(source instanceof RangeProxy)) throw new Error(`mock: copyFrom(${String(copyType)}) not modelled`);
    this.write("copyFrom values", null, (t) => {
      const from = source.resolved();
      for (let r = 0; r <= t.rect.bottom - t.rect.top; r++) {
        for (let c = 0; c <= t.rect.right - t.rect.left; c++) {
          const src = from.sheet.cells.get(key(from.rect.top + r, from.rect.left + c)) ?? blankCell();
          const cell = this.fx.cellOf(t.sheet, t.rect.top + r, t.rect.left + c);
          cell.value = src.value;
          cell.formula = null;
        }
      }
    });
  }

  set hyperlink(link: FakeHyperlink) {
    this.write("hyperlink", link, (t) => {
      const cell = this.fx.cellOf(t.sheet, t.rect.top, t.rect.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
    });
  }

  private eachCell(t: RangeTarget, f: (cell: FakeCell) => void): void {
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) f(this.fx.cellOf(t.sheet, r, c));
  }

  get format(): unknown {
    const set = (what: string, f: (t: RangeTarget, v: unknown) => void) => (v: unknown) => this.write(what, v, (t) => f(t, v));
    const fill = set("fill", (t, v) => this.eachCell(t, (c) => (c.fill = String(v))));
    const bold = set("bold", (t, v) => this.eachCell(t, (c) => (c.bold = v === true)));
    const wrap = set("wrapText", (t, v) => this.eachCell(t, (c) => (c.wrapText = v === true)));
    const valign = set("verticalAlignment", (t, v) => this.eachCell(t, (c) => (c.verticalAlignment = String(v))));
    const width = set("columnWidth", (t, v) => {
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, Number(v));
    });
    return {
      fill: {
        set color(v: string) {
          fill(v);
        },
      },
      font: {
        set bold(v: boolean) {
          bold(v);
        },
      },
      set wrapText(v: boolean) {
        wrap(v);
      },
      set verticalAlignment(v: string) {
        valign(v);
      },
      set columnWidth(v: number) {
        width(v);
      },
    };
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.fx.requireApi("1.6", "Range.conditionalFormats");
    return new ConditionalFormatCollectionProxy(this.fx, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.fx.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new RangeAreasProxy(this.fx, () => {
      const t = this.target();
      const rects = t.sheet.merges.filter((m) => intersects(m, t.rect));
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  getEntireRow(): RangeProxy {
    return new RangeProxy(this.fx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COL } };
    });
  }

  getSpecialCellsOrNullObject(type: string): RangeAreasProxy {
    this.fx.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
    if (type === "Formulas") {
      // Every formula cell inside the range, one area per cell (Excel merges neighbours; callers must not care).
      return new RangeAreasProxy(this.fx, () => {
        const t = this.target();
        const rects: Rect[] = [];
        for (const [k, c] of t.sheet.cells) {
          const [row, col] = k.split(",").map(Number);
          if (c.formula !== null && contains(t.rect, row, col)) rects.push({ top: row, left: col, bottom: row, right: col });
        }
        rects.sort((a, b) => a.top - b.top || a.left - b.left);
        return rects.length ? { sheet: t.sheet, rects } : null;
      });
    }
    if (type !== "Visible") throw new Error(`mock: special cells ${type} not modelled`);
    return new RangeAreasProxy(this.fx, () => {
      const t = this.target();
      const rects: Rect[] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        if (t.sheet.hiddenRows.has(r)) continue;
        const last = rects[rects.length - 1];
        if (last && last.bottom === r - 1) last.bottom = r;
        else rects.push({ top: r, bottom: r, left: t.rect.left, right: t.rect.right });
      }
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  clear(applyTo?: string): void {
    if (applyTo !== undefined && applyTo !== "All") throw new Error(`mock: clear(${applyTo}) not modelled`);
    this.write("clear", null, (t) => {
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (contains(t.rect, r, c)) t.sheet.cells.delete(k);
      }
    });
  }

  select(): void {
    this.write("select", null, (t) => {
      this.fx.selection = { sheet: t.sheet.name, address: rectName(t.rect) };
    });
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

class RangeAreasProxy extends ClientObject<AreasTarget> {
  protected snapshot(t: AreasTarget, prop: string): unknown {
    if (prop === "address") return t.rects.map((r) => qualified(t.sheet.name, rectName(r))).join(", ");
    throw new Error(`mock: RangeAreas.${prop} is not modelled`);
  }

  get address(): string {
    return this.read("address");
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.fx, () => this.target());
  }
}

class ConditionalFormatCollectionProxy extends ClientObject<AreasTarget> {
  private loadedItems: ConditionalFormatProxy[] | null = null;

  protected snapshot(): unknown {
    return null;
  }

  override load(arg?: string | string[]): this {
    const props = parseProps(arg);
    this.fx.enqueue({
      run: () => {
        const t = this.target();
        const formats = t.sheet.conditionalFormats.filter((f) => f.areas.some((a) => t.rects.some((r) => intersects(a, r))));
        this.loadedItems = formats.map((f) => new ConditionalFormatProxy(this.fx, f).preload(f, props));
        this.fx.request().responseBytes += size(formats.map((f) => props.map((p) => (f as unknown as Record<string, unknown>)[p])));
      },
    });
    return this;
  }

  get items(): ConditionalFormatProxy[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }

  add(type: string): ConditionalFormatProxy {
    const holder: { format: FakeConditionalFormat | null } = { format: null };
    this.fx.enqueue({
      run: () => {
        const t = this.target();
        const format: FakeConditionalFormat = { id: this.fx.newId(), type, areas: t.rects.map((r) => ({ ...r })), formula: null, fill: null };
        // Office.js: "Adds a new conditional format to the collection at the first/top priority."
        t.sheet.conditionalFormats.unshift(format);
        holder.format = format;
        this.fx.recordWrite(`add ${type} format`);
      },
    });
    return new ConditionalFormatProxy(this.fx, null, () => holder.format);
  }
}

class ConditionalFormatProxy extends ClientObject<FakeConditionalFormat> {
  constructor(fx: FakeExcel, format: FakeConditionalFormat | null, resolver?: () => FakeConditionalFormat | null) {
    super(fx, resolver ?? (() => format));
  }

  protected snapshot(f: FakeConditionalFormat, prop: string): unknown {
    if (prop === "type") return f.type;
    if (prop === "id") return String(f.id);
    throw new Error(`mock: ConditionalFormat.${prop} is not modelled`);
  }

  get type(): string {
    return this.read("type");
  }

  /** As in Excel, `custom` may only be used on a Custom format: anything else fails the request. */
  get custom(): { rule: RuleProxy; format: { fill: { color: string } } } {
    const custom = (): FakeConditionalFormat => {
      const f = this.target();
      if (f.type !== "Custom") throw officeError("InvalidOperation", "This operation is not permitted for the current object.");
      return f;
    };
    const write = (what: string, v: unknown, apply: (f: FakeConditionalFormat) => void): void =>
      this.fx.enqueue({
        run: () => {
          apply(custom());
          this.fx.request().requestBytes += size(v);
          this.fx.recordWrite(what);
        },
      });
    return {
      rule: new RuleProxy(this.fx, custom),
      format: {
        fill: {
          set color(v: string) {
            write("format fill", v, (f) => {
              f.fill = v;
            });
          },
          get color(): string {
            throw notLoaded("color");
          },
        },
      },
    };
  }

  delete(): void {
    this.write("delete format", null, (f) => {
      for (const s of this.fx.sheets) {
        const i = s.conditionalFormats.indexOf(f);
        if (i >= 0) s.conditionalFormats.splice(i, 1);
      }
    });
  }
}

class RuleProxy extends ClientObject<FakeConditionalFormat> {
  protected snapshot(f: FakeConditionalFormat, prop: string): unknown {
    if (prop === "formula") return f.formula;
    throw new Error(`mock: ConditionalFormatRule.${prop} is not modelled`);
  }

  get formula(): string {
    return this.read("formula");
  }

  set formula(v: string) {
    this.write("rule formula", v, (f) => {
      f.formula = v;
    });
  }
}

class NoteCollectionProxy extends ClientObject<FakeSheet> {
  private loadedItems: NoteProxy[] | null = null;

  protected snapshot(): unknown {
    return null;
  }

  override load(arg?: string | string[]): this {
    const props = parseProps(arg);
    this.fx.enqueue({
      run: () => {
        const s = this.target();
        this.loadedItems = s.notes.map((n) => new NoteProxy(this.fx, s, n).preload(n, props));
        this.fx.request().responseBytes += size(s.notes);
      },
    });
    return this;
  }

  get items(): NoteProxy[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }

  add(cellAddress: string | RangeProxy, content: string): NoteProxy {
    const holder: { note: FakeNote | null } = { note: null };
    this.write("add note", content, (s) => {
      let cell: string;
      if (typeof cellAddress === "string") {
        const { row, col } = parseCell(cellAddress);
        cell = cellName(row, col);
      } else {
        const t = cellAddress.resolved();
        if (t.sheet !== s) throw officeError("InvalidArgument", "the range is on another sheet");
        if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw officeError("InvalidCellAddress", "a note needs a single cell");
        cell = cellName(t.rect.top, t.rect.left);
      }
      if (s.notes.some((n) => n.cell === cell)) throw officeError("InvalidArgument", `${cell} already has a note`);
      holder.note = { cell, content, author: "招商统计助手" };
      s.notes.push(holder.note);
    });
    return new NoteProxy(this.fx, null, null, () => holder.note);
  }
}

class NoteProxy extends ClientObject<FakeNote> {
  constructor(fx: FakeExcel, private readonly sheet: FakeSheet | null, note: FakeNote | null, resolver?: () => FakeNote | null) {
    super(fx, resolver ?? (() => note));
  }

  protected snapshot(n: FakeNote, prop: string): unknown {
    if (prop === "content") return n.content;
    if (prop === "authorName") return n.author;
    throw new Error(`mock: Note.${prop} is not modelled`);
  }

  get content(): string {
    return this.read("content");
  }

  getLocation(): RangeProxy {
    return new RangeProxy(this.fx, () => {
      const n = this.target();
      if (!this.sheet) throw new Error("mock: location of a note added in this batch");
      const { row, col } = parseCell(n.cell);
      return { sheet: this.sheet, rect: { top: row, left: col, bottom: row, right: col } };
    });
  }

  delete(): void {
    this.write("delete note", null, (n) => {
      for (const s of this.fx.sheets) {
        const i = s.notes.indexOf(n);
        if (i >= 0) s.notes.splice(i, 1);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Globals for code that reads Office/Excel directly (the ribbon command, officeHost())

export interface InstalledGlobals {
  associations: Map<string, unknown>;
  restore(): void;
}

/**
 * Installs `Office` (an office-addin-mock object: displayLanguage, requirements, document settings, the notice
 * dialog, actions.associate) and `Excel` (run over this workbook) as globals. The notice dialog records its title
 * and message from the URL in `fx.notices`.
 */
export function installOfficeGlobals(fx: FakeExcel): InstalledGlobals {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, Excel: g.Excel };
  const associations = new Map<string, unknown>();
  const settings = fx.documentSettings();
  // The Common API has no load/sync: office-addin-mock's Outlook mode gives plain properties.
  const office = new OfficeMockObject(
    {
      context: {
        displayLanguage: fx.displayLanguage,
        requirements: { isSetSupported: (name: string, version: string) => fx.isSetSupported(name, version) },
        document: { settings: { get: settings.get, set: settings.set, saveAsync: settings.saveAsync } },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
            const q = new URL(url, "https://localhost/").searchParams;
            fx.notices.push({ title: q.get("title") ?? "", message: q.get("message") ?? "" });
            cb({ status: "succeeded", value: { close: () => undefined } });
          },
        },
      },
      actions: { associate: (id: string, fn: unknown) => associations.set(id, fn) },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: (cb?: (info: unknown) => void) => {
        cb?.({ host: "Excel" });
        return Promise.resolve({ host: "Excel" });
      },
    },
    "outlook" as never,
  );
  g.Office = office;
  g.Excel = {
    run: (a: unknown, b?: unknown) =>
      typeof a === "function"
        ? fx.run({}, a as (c: Excel.RequestContext) => Promise<unknown>)
        : fx.run(a as BatchOptions, b as (c: Excel.RequestContext) => Promise<unknown>),
  };
  return {
    associations,
    restore() {
      g.Office = before.Office;
      g.Excel = before.Excel;
    },
  };
}
