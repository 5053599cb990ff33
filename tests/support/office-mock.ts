import { BatchOptions, OfficeHost } from "../../src/excel/host";
import { CLIENTS, clientSupports, ExcelClient } from "../../scripts/lib/clients";
import { compareVersions, excelApiSets } from "../../scripts/lib/excel-api-sets";

/*
 * Test support (not a test file): a small in-memory Excel behind Office.js-shaped proxies, for the Office.js adapter.
 *
 * A client-profile mock: each FakeExcel is one of the clients in scripts/lib/clients.js (Office 2021, 2024,
 * Microsoft 365, the web …; default: current Microsoft 365 on Windows), and which Excel class members exist is
 * derived from the `[Api set: ExcelApi x.y]` tags of @types/office-js (scripts/lib/excel-api-sets.js), not seeded
 * by hand. Office.js on the CDN always has every method; an Excel that lacks the set rejects the request that
 * uses it: so using a member beyond the client's ExcelApi (calling, reading, writing or load()ing it) makes the
 * next context.sync() fail with ApiNotFound, and Office.context.requirements.isSetSupported answers per client.
 * The request context is a plain object whose `sync` is ours (count requests with jest.spyOn(context, "sync")).
 * Office.js's batch semantics, deliberately strict:
 *   - reading a property that was not loaded, or before the sync that loads it, throws (PropertyNotLoaded);
 *   - every write and method call is queued and runs in order at the next sync, so "format before values" and
 *     "delete before add" are really tested;
 *   - a batch that ends with unsynced commands fails (a forgotten sync);
 *   - reading `custom` of a non-Custom conditional format fails the request (office-js issue #2180);
 *   - a string starting with "=", "+" or "-" written as a value into a cell not formatted as text becomes a
 *     formula, as Excel parses typed input;
 * and the traps of real clients, switched on per test:
 *   - `client.web`: a request or response over 5 MB fails (RequestPayloadSizeLimitExceeded /
 *     ResponsePayloadSizeLimitExceeded: "Resource limits and performance optimization for Office Add-ins"), and
 *     loading a Note's visible/width/height fails (office-js #6198: not supported in Excel on the web);
 *   - `fx.editingCell`: the user is typing in a cell; a batch fails with InvalidOperationInCellEditMode unless
 *     Excel.run was given { delayForCellEdit: true } (Excel.RunOptions), which waits until the edit ends;
 *   - `sheet.protected` / `fx.workbookProtected`: writes to a protected sheet, adding sheets to a protected
 *     workbook structure fail with AccessDenied;
 *   - a conditional format with `unreadable: true`: loading anything of it fails the request (office-js #6835,
 *     #6827: rules duplicated in Excel's UI whose properties Office.js cannot read).
 *
 * Helper API for tests (kept small and stable): new FakeExcel({ client, apiVersion, displayLanguage }),
 * fx.addSheet(name, { values, numberFormats, origin }), fx.sheet(name) (protected, merges, hiddenRows …),
 * fx.cell(sheet, "A1"), fx.addConditionalFormat(sheet, …), fx.displayedFill(sheet, "A1"), fx.host() (an
 * OfficeHost for OfficeWorkbookPort), installOfficeGlobals(fx), fx.requests / fx.writes / fx.runs for counting.
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
  /** office-js #6835 / #6827: Office.js fails to read any property of this format. */
  unreadable?: boolean;
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
  /** Worksheet protection on: every change to the sheet fails with AccessDenied. */
  protected: boolean;
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

function parseProps(arg: unknown): string[] {
  if (arg === undefined) throw new Error("mock: load() without properties loads everything; name them");
  const list = Array.isArray(arg) ? arg : String(arg).split(",");
  return list.map((p) => String(p).trim()).filter((p) => p !== "");
}

/** Bytes on the wire: UTF-8 of the JSON (a Chinese character is 3 bytes). */
function size(v: unknown): number {
  return v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v), "utf8");
}

/** Excel on the web's cap on one request or response ("Resource limits and performance optimization"). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Excel parses typed input starting with these as a formula (=A1, +A1, -A1). */
export function parsesAsFormula(v: unknown): v is string {
  return typeof v === "string" && /^[=+-]/.test(v);
}

const API_SETS = excelApiSets();

/** Proxy class → the Excel class whose members it stands for. */
const EXCEL_CLASS: Record<string, string> = {
  RequestContext: "RequestContext",
  RuntimeProxy: "Runtime",
  WorkbookProxy: "Workbook",
  WorksheetCollectionProxy: "WorksheetCollection",
  WorksheetProxy: "Worksheet",
  RangeProxy: "Range",
  RangeAreasProxy: "RangeAreas",
  ConditionalFormatCollectionProxy: "ConditionalFormatCollection",
  ConditionalFormatProxy: "ConditionalFormat",
  RuleProxy: "ConditionalFormatRule",
  NoteCollectionProxy: "NoteCollection",
  NoteProxy: "Note",
  ProtectionProxy: "WorksheetProtection",
  WorkbookProtectionProxy: "WorkbookProtection",
};

/** What a collection's load("a, b") names: properties of its items. */
const ITEM_CLASS: Record<string, string> = {
  WorksheetCollection: "Worksheet",
  ConditionalFormatCollection: "ConditionalFormat",
  NoteCollection: "Note",
};

/** Wraps an object so that every member access is checked against the client's ExcelApi. */
function guarded<T extends object>(fx: FakeExcel, excelClass: string, obj: T): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "string") fx.checkMember(excelClass, prop);
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "string") fx.checkMember(excelClass, prop);
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook model and the request queue

interface Command {
  run: () => void;
  /** Size of what the command sends (writes), known before it runs. */
  requestBytes?: () => number;
}

export interface FakeExcelOptions {
  /** A client of scripts/lib/clients.js (or its id). Default: current Microsoft 365 on Windows. */
  client?: ExcelClient | string;
  /** Overrides the client's ExcelApi version (e.g. "1.9" to test a degradation path). */
  apiVersion?: string;
  displayLanguage?: string;
}

export function clientById(id: string): ExcelClient {
  const c = CLIENTS.find((x) => x.id === id);
  if (!c) throw new Error(`mock: no client ${id}`);
  return c;
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
  client: ExcelClient;
  displayLanguage: string;
  /** The user is typing in a cell (Excel's cell-edit mode). */
  editingCell = false;
  /** Workbook structure protected: sheets cannot be added. */
  workbookProtected = false;
  /** Loading notes fails (as office-js #6198 did on the web for unsupported Note properties). */
  notesUnreadable = false;
  /** What Office.onReady reports as info.host. */
  hostName: string | null = "Excel";
  /** When set, a batch run with mergeUndoGroup fails with UndoNotSupported before doing anything. */
  refuseUndoGroups = false;
  /** When set, document settings fail to save. */
  settingsSaveFails = false;
  readonly context: Excel.RequestContext;
  private queue: Command[] = [];
  private current: RequestLog = { commands: 0, requestBytes: 0, responseBytes: 0 };
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    const base = typeof options.client === "string" ? clientById(options.client) : (options.client ?? clientById("m365-windows"));
    this.client = options.apiVersion ? { ...base, excelApi: options.apiVersion } : { ...base };
    this.displayLanguage = options.displayLanguage ?? "zh-CN";
    const context = { sync: () => this.flush(), workbook: new WorkbookProxy(this), runtime: new RuntimeProxy(this) };
    this.context = guarded(this, "RequestContext", context) as unknown as Excel.RequestContext;
  }

  /** The client's ExcelApi version; settable to age the client inside a test. */
  get apiVersion(): string {
    return this.client.excelApi;
  }

  set apiVersion(v: string) {
    this.client = { ...this.client, excelApi: v };
  }

  /**
   * A member of an Excel class beyond the client's ExcelApi: Office.js sends it and Excel rejects the request, so
   * the next sync fails with ApiNotFound. Members without an Api-set tag (load, toJSON …) always exist.
   */
  checkMember(excelClass: string, member: string): void {
    const members = API_SETS[excelClass];
    const set = members && Object.prototype.hasOwnProperty.call(members, member) ? members[member] : undefined;
    if (set === undefined || this.hasSet(set)) return;
    this.enqueue({
      run: () => {
        throw officeError("ApiNotFound", `The requested API ${excelClass}.${member} (ExcelApi ${set}) is not supported by ${this.client.id} (ExcelApi ${this.client.excelApi}).`);
      },
    });
  }

  /** Checks the names passed to load() against the loaded class. */
  checkLoad(excelClass: string, props: readonly string[]): void {
    const cls = ITEM_CLASS[excelClass] ?? excelClass;
    for (const p of props) this.checkMember(cls, p.split("/")[0]);
  }

  private hasSet(set: string): boolean {
    if (set === "online") return this.client.web;
    if (set === "desktop") return !this.client.web;
    return compareVersions(this.client.excelApi, set) >= 0;
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
      protected: false,
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
    return clientSupports(this.client, name, version);
  }

  async run<T>(options: BatchOptions & { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (options.mergeUndoGroup) {
      // Excel.RunOptions.mergeUndoGroup: its set from @types/office-js (1.20).
      const set = API_SETS.RunOptions?.mergeUndoGroup ?? "1.20";
      if (!this.hasSet(set)) throw officeError("ApiNotFound", `mergeUndoGroup needs ExcelApi ${set}`);
      if (this.refuseUndoGroups) throw officeError("UndoNotSupported", "an API in the group has no undo support");
    }
    // Excel.RunOptions.delayForCellEdit: the batch waits until the user leaves cell-edit mode (here: at once).
    if (this.editingCell && options.delayForCellEdit) this.editingCell = false;
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

  /** Fails the current request if it writes to a protected sheet (Excel: AccessDenied). */
  assertWritable(sheet: FakeSheet): void {
    if (sheet.protected) throw officeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }

  private async flush(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.current = { commands: commands.length, requestBytes: 0, responseBytes: 0 };
    this.requests.push(this.current);
    if (this.editingCell && commands.length > 0) {
      throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    if (this.client.web) {
      // The request is measured before Excel runs it, the response after.
      const pending = commands.reduce((n, c) => n + (c.requestBytes?.() ?? 0), 0);
      if (pending > WEB_PAYLOAD_LIMIT) throw officeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const c of commands) c.run();
    if (this.client.web && this.current.responseBytes > WEB_PAYLOAD_LIMIT) {
      throw officeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
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
  ) {
    const excelClass = EXCEL_CLASS[new.target.name];
    if (!excelClass) throw new Error(`mock: ${new.target.name} has no Excel class`);
    // Returning a Proxy from the constructor: every member the adapter touches is checked against the client.
    return guarded(fx, excelClass, this);
  }

  /** The Excel class this proxy stands for. */
  protected get excelClass(): string {
    return EXCEL_CLASS[this.constructor.name];
  }

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
    this.fx.checkLoad(this.excelClass, props);
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
        const t = this.target();
        const sheet = sheetOf(t);
        if (sheet) this.fx.assertWritable(sheet);
        apply(t);
        this.fx.request().requestBytes += size(payload);
        this.fx.recordWrite(what);
      },
      requestBytes: () => size(payload),
    });
  }
}

/** The sheet a proxy's target lies on (a sheet, a range, areas), for protection. */
function sheetOf(t: unknown): FakeSheet | null {
  if (typeof t !== "object" || t === null) return null;
  if ("cells" in t && "conditionalFormats" in t) return t as FakeSheet;
  if ("sheet" in t) return (t as { sheet: FakeSheet }).sheet;
  return null;
}

class RuntimeProxy {
  constructor(private readonly fx: FakeExcel) {
    return guarded(fx, "Runtime", this);
  }

  set enableEvents(v: boolean) {
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
  readonly protection: WorkbookProtectionProxy;

  constructor(fx: FakeExcel) {
    this.worksheets = new WorksheetCollectionProxy(fx);
    this.protection = new WorkbookProtectionProxy(fx, () => fx);
    return guarded(fx, "Workbook", this);
  }
}

class WorkbookProtectionProxy extends ClientObject<FakeExcel> {
  protected snapshot(fx: FakeExcel, prop: string): unknown {
    if (prop === "protected") return fx.workbookProtected;
    throw new Error(`mock: WorkbookProtection.${prop} is not modelled`);
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

class ProtectionProxy extends ClientObject<FakeSheet> {
  protected snapshot(s: FakeSheet, prop: string): unknown {
    if (prop === "protected") return s.protected;
    throw new Error(`mock: WorksheetProtection.${prop} is not modelled`);
  }

  get protected(): boolean {
    return this.read("protected");
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
    this.fx.checkLoad(this.excelClass, props);
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
        if (this.fx.workbookProtected) throw officeError("AccessDenied", "The workbook's structure is protected.");
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
    if (address.length > 8000) throw officeError("InvalidArgument", "address too long");
    return new RangeAreasProxy(this.fx, () => ({ sheet: this.target(), rects: address.split(",").map(parseRect) }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range(() => usedRect(this.target(), valuesOnly === true));
  }

  get notes(): NoteCollectionProxy {
    return new NoteCollectionProxy(this.fx, () => this.target());
  }

  get protection(): ProtectionProxy {
    return new ProtectionProxy(this.fx, () => this.target());
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return guarded(this.fx, "WorksheetFreezePanes", {
      freezeRows: (n: number) =>
        this.write(`freeze ${n}`, n, (s) => {
          s.frozenRows = n;
        }),
    });
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
      if (parsesAsFormula(v) && cell.numberFormat !== "@") {
        cell.formula = v.startsWith("=") ? v : `=${v}`; // what Excel does with such a value in a General cell
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
    const fx = this.fx;
    return guarded(fx, "RangeFormat", {
      fill: guarded(fx, "RangeFill", {
        set color(v: string) {
          fill(v);
        },
      }),
      font: guarded(fx, "RangeFont", {
        set bold(v: boolean) {
          bold(v);
        },
      }),
      set wrapText(v: boolean) {
        wrap(v);
      },
      set verticalAlignment(v: string) {
        valign(v);
      },
      set columnWidth(v: number) {
        width(v);
      },
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.fx, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
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
    this.fx.checkLoad(this.excelClass, props);
    this.fx.enqueue({
      run: () => {
        const formats = this.formats();
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

  private formats(): FakeConditionalFormat[] {
    const t = this.target();
    return t.sheet.conditionalFormats.filter((f) => f.areas.some((a) => t.rects.some((r) => intersects(a, r))));
  }

  getCount(): { value: number } {
    const result = { value: -1 };
    this.fx.enqueue({
      run: () => {
        result.value = this.formats().length;
      },
    });
    return result;
  }

  /** Bound to the format found at the first request that uses it, as Office.js keeps a reference to the item. */
  getItemAt(index: number): ConditionalFormatProxy {
    let bound: FakeConditionalFormat | null | undefined;
    return new ConditionalFormatProxy(this.fx, null, () => {
      if (bound === undefined) bound = this.formats()[index] ?? null;
      return bound;
    });
  }

  add(type: string): ConditionalFormatProxy {
    const holder: { format: FakeConditionalFormat | null } = { format: null };
    this.fx.enqueue({
      run: () => {
        const t = this.target();
        this.fx.assertWritable(t.sheet);
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
    if (f.unreadable) throw officeError("GeneralException", "There was an internal error while processing the request.");
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
    const fx = this.fx;
    return guarded(fx, "CustomConditionalFormat", {
      rule: new RuleProxy(this.fx, custom),
      format: guarded(fx, "ConditionalRangeFormat", {
        fill: guarded(fx, "ConditionalRangeFill", {
          set color(v: string) {
            write("format fill", v, (f) => {
              f.fill = v;
            });
          },
          get color(): string {
            throw notLoaded("color");
          },
        }),
      }),
    });
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
    if (f.unreadable) throw officeError("GeneralException", "There was an internal error while processing the request.");
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
    this.fx.checkLoad(this.excelClass, props);
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
    // office-js #6198: Note.visible, width and height are not supported in Excel on the web; loading them fails.
    if (this.fx.client.web && ["visible", "width", "height"].includes(prop)) throw officeError("GeneralException", "There was an internal error while processing the request.");
    if (this.fx.notesUnreadable) throw officeError("GeneralException", "There was an internal error while processing the request.");
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
 * Installs `Office` (a plain object: displayLanguage, requirements, document settings, the notice
 * dialog, actions.associate) and `Excel` (run over this workbook) as globals. The notice dialog records its title
 * and message from the URL in `fx.notices`.
 */
export function installOfficeGlobals(fx: FakeExcel): InstalledGlobals {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, Excel: g.Excel };
  const associations = new Map<string, unknown>();
  const settings = fx.documentSettings();
  // The Common API has no load/sync: plain properties.
  const office = {
    context: {
      displayLanguage: fx.displayLanguage,
      requirements: { isSetSupported: (name: string, version?: string) => fx.isSetSupported(name, version ?? "1.1") },
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
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: fx.hostName, platform: fx.client.web ? "OfficeOnline" : "PC" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
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
