/**
 * An in-memory WorkbookPort for the pane tests: sheets are grids, settings and explanations live in fields (so a
 * second Pane on the same port "reopens the workbook"), and every call is recorded with its arguments.
 */
import { Explanation } from "../../src/core/explanations";
import { Finding } from "../../src/core/findings";
import { Lang } from "../../src/core/i18n";
import { CheckSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";
import { FormulaColumnRequest, FreezeResult, PortFeature, Progress, WorkbookPort } from "../../src/app/port";

export interface Call {
  method: keyof WorkbookPort;
  args: unknown[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class FakePort implements WorkbookPort {
  /** Features the fake workbook has; a test removes one to see the pane hide it. */
  features = new Set<PortFeature>(["formula-columns", "undo", "report-sheet", "freeze"]);

  supports(feature: PortFeature): boolean {
    return this.features.has(feature);
  }

  readonly kind: "excel" | "file";
  readonly calls: Call[] = [];
  readonly grids = new Map<string, SheetGrid>();
  active: string;
  language: Lang = "zh";
  settings: CheckSettings | null = null;
  explanations: Explanation[] = [];
  /** Sheet names whose read fails (a deleted sheet, a protected one). */
  readonly failingReads = new Set<string>();
  /** Methods that reject. */
  readonly failing = new Set<keyof WorkbookPort>();

  constructor(grids: SheetGrid[], options: { active?: string; kind?: "excel" | "file"; language?: Lang } = {}) {
    for (const g of grids) this.grids.set(g.name, g);
    this.active = options.active ?? grids[0]?.name ?? "";
    this.kind = options.kind ?? "excel";
    if (options.language) this.language = options.language;
  }

  private record(method: keyof WorkbookPort, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failing.has(method)) throw new Error(`${String(method)} failed (fake)`);
  }

  /** Arguments of every call to one method, in order. */
  callsTo(method: keyof WorkbookPort): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  displayLanguage(): Lang {
    return this.language;
  }

  async listSheets(): Promise<string[]> {
    this.record("listSheets");
    return [...this.grids.keys()];
  }

  async activeSheet(): Promise<string> {
    this.record("activeSheet");
    return this.active;
  }

  async readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    this.record("readSheet", name);
    const grid = this.grids.get(name);
    if (!grid || this.failingReads.has(name)) throw new Error(`The sheet “${name}” cannot be read`);
    onProgress?.(0.5);
    await Promise.resolve();
    onProgress?.(1);
    return clone(grid);
  }

  async applyHighlights(sheet: string, findings: readonly Finding[]): Promise<void> {
    this.record("applyHighlights", sheet, findings);
  }

  async clearHighlights(sheet?: string): Promise<void> {
    this.record("clearHighlights", sheet);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record("selectCell", sheet, cell);
  }

  async writeReport(findings: readonly Finding[], lang: Lang): Promise<void> {
    this.record("writeReport", findings, lang);
  }

  async loadExplanations(): Promise<Explanation[]> {
    this.record("loadExplanations");
    return clone(this.explanations);
  }

  async saveExplanations(explanations: readonly Explanation[]): Promise<void> {
    this.record("saveExplanations", explanations);
    this.explanations = clone([...explanations]);
  }

  async loadSettings(): Promise<CheckSettings> {
    this.record("loadSettings");
    return clone(this.settings ?? DEFAULT_SETTINGS);
  }

  async saveSettings(settings: CheckSettings): Promise<void> {
    this.record("saveSettings", settings);
    this.settings = clone(settings);
  }

  async insertFormulaColumns(sheet: string, columns: readonly FormulaColumnRequest[]): Promise<void> {
    this.record("insertFormulaColumns", sheet, columns);
  }

  /** What freezeAddinFormulas answers (a test sets it). */
  freezeResult: FreezeResult = { cells: 0, sheets: [], skipped: [] };

  async freezeAddinFormulas(sheet?: string): Promise<FreezeResult> {
    this.record("freezeAddinFormulas", sheet);
    return clone(this.freezeResult);
  }
}
