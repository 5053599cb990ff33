import { Explanation } from "../core/explanations";
import { Finding } from "../core/findings";
import { Lang } from "../core/i18n";
import { CheckSettings, DEFAULT_SETTINGS, normalizeSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";
import type { FormulaColumnRequest, FreezeResult, PortFeature, Progress, WorkbookPort } from "../app/port";
import { parseA1 } from "../core/sheet/a1";
import type { WorkbookData } from "../xlsx/read";
import { Emitter } from "./emitter";

/** What a port can do beyond the interface's common ground (a proposed addition to WorkbookPort). */

export interface PortEvents extends Record<string, unknown> {
  /** The sheet shown in the preview changed (the pane read, checked or selected in another sheet). */
  "active-sheet": { sheet: string };
  /** Highlights of one sheet (or of all: null) were set or cleared. */
  highlights: { sheet: string | null };
  /** The pane asked to show a cell: the preview scrolls to it and flashes it. */
  select: { sheet: string; cell: string };
  explanations: { count: number };
  settings: { settings: CheckSettings };
  report: { findings: number };
  /** A marked cell was clicked in the preview: the pane selects its findings. */
  pick: { sheet: string; cell: string };
  /** 报送前固化 replaced formulas in the file's bytes: the frozen file can be downloaded. */
  frozen: FreezeResult;
}

/** A workbook opened on the page: the file's own bytes (the annotated copy starts from them) and what was read. */
export interface LoadedWorkbook {
  fileName: string;
  bytes: Uint8Array;
  data: WorkbookData;
}

/** Everything a download needs, taken at the moment of the click. */
export interface PortSnapshot {
  fileName: string;
  bytes: Uint8Array;
  /** Checked sheets in workbook order, each with the findings of its last check (marks cleared or not). */
  results: { sheet: string; findings: Finding[] }[];
  explanations: Explanation[];
  /** True when explanations differ from what the file held (the copy then needs them written). */
  explanationsChanged: boolean;
  settings: CheckSettings;
  /** True when settings were saved on the page (the copy then carries them in its settings sheet). */
  settingsChanged: boolean;
  /** Language of the last writeReport call: the report sheet of the copy is written in it. */
  reportLang: Lang;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * WorkbookPort over a workbook held in memory, for the standalone page (kind "file"). Nothing is ever written to
 * the user's file: highlights, the report, explanations and settings are kept here and go into the downloaded
 * copy. Settings start as the file's settings sheet holds them (src/app/settings-sheet.ts, written in Excel, by
 * zs-check's users or by this page) and, once saved here, go into the downloaded copy's settings sheet.
 */
export class MemoryWorkbookPort implements WorkbookPort {
  readonly kind = "file" as const;
  readonly events = new Emitter<PortEvents>();
  readonly fileName: string;
  private bytes: Uint8Array;
  private frozen = false;
  private readonly data: WorkbookData;
  private lang: Lang;
  private active: string;
  private highlights = new Map<string, Finding[]>();
  /** The last check of each sheet: what the downloads carry, also after 清除标记 took the marks off the preview. */
  private checked = new Map<string, Finding[]>();
  private explanations: Explanation[];
  private explanationsChanged = false;
  private settings: CheckSettings;
  private settingsChanged = false;
  private reportLang: Lang;
  private reportWritten = false;

  constructor(workbook: LoadedWorkbook, options: { lang: Lang; activeSheet?: string }) {
    this.fileName = workbook.fileName;
    this.bytes = workbook.bytes;
    this.data = workbook.data;
    this.lang = options.lang;
    this.reportLang = options.lang;
    this.explanations = workbook.data.explanations.map((e) => ({ ...e }));
    this.settings = cloneSettings(workbook.data.settings ?? DEFAULT_SETTINGS);
    const first = workbook.data.sheets[0]?.name ?? workbook.data.sheetNames[0] ?? "";
    this.active = options.activeSheet && this.findGrid(options.activeSheet) ? this.findGrid(options.activeSheet)!.name : first;
  }

  displayLanguage(): Lang {
    return this.lang;
  }

  /** The page's language switch: port messages and the copy's report sheet follow it (until writeReport says). */
  setLanguage(lang: Lang): void {
    if (!this.reportWritten) this.reportLang = lang;
    this.lang = lang;
  }

  async listSheets(): Promise<string[]> {
    return [...this.data.sheetNames];
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  /** The active sheet, synchronously, for the page's own rendering. */
  currentSheet(): string {
    return this.active;
  }

  /** The sheet the preview shows (Excel's active tab): the one the pane last read, marked or selected in. */
  setActiveSheet(name: string): void {
    const grid = this.findGrid(name);
    if (!grid || grid.name === this.active) return;
    this.active = grid.name;
    this.events.emit("active-sheet", { sheet: grid.name });
  }

  /**
   * The pane reads the sheet the user picked in its 工作表 list (and, while checking, the targets sheet right
   * after the checked one). The port has no "activate" method, so a read is what tells the page which sheet the
   * pane is on: the preview follows it. During a check the targets read is followed at once by applyHighlights
   * on the checked sheet, in the same task, so the preview ends on the checked sheet without flicker.
   */
  async readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    const grid = this.findGrid(name);
    if (!grid) {
      throw new Error(
        this.lang === "zh" ? `工作簿中没有工作表“${name}”` : `The workbook has no worksheet "${name}"`,
      );
    }
    this.setActiveSheet(grid.name);
    // Already in memory: the whole read is one step.
    onProgress?.(1);
    return grid;
  }

  /** Synchronous access for the preview (the pane goes through readSheet). */
  grid(name: string): SheetGrid | undefined {
    return this.findGrid(name);
  }

  async applyHighlights(sheet: string, findings: readonly Finding[]): Promise<void> {
    const name = this.findGrid(sheet)?.name ?? sheet;
    this.setActiveSheet(name);
    this.highlights.set(name, [...findings]);
    this.checked.set(name, [...findings]);
    this.events.emit("highlights", { sheet: name });
  }

  async clearHighlights(sheet?: string): Promise<void> {
    if (sheet === undefined) this.highlights.clear();
    else this.highlights.delete(this.findGrid(sheet)?.name ?? sheet);
    this.events.emit("highlights", { sheet: sheet ?? null });
  }

  /** The findings currently marked on a sheet (empty when none). */
  findingsOf(sheet: string): readonly Finding[] {
    return this.highlights.get(this.findGrid(sheet)?.name ?? sheet) ?? [];
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.setActiveSheet(sheet);
    this.events.emit("select", { sheet: this.findGrid(sheet)?.name ?? sheet, cell: cell.replace(/\$/g, "").toUpperCase() });
  }

  /** The preview's click on a marked cell, passed on to the pane (which has no port event of its own). */
  pickCell(sheet: string, cell: string): void {
    this.events.emit("pick", { sheet: this.findGrid(sheet)?.name ?? sheet, cell: cell.replace(/\$/g, "").toUpperCase() });
  }

  /**
   * In file mode the 校验结果 sheet is written into the downloaded copy (from the highlighted findings, by
   * writeAnnotatedCopy); here only its language is remembered and the page told that results exist.
   */
  async writeReport(findings: readonly Finding[], lang: Lang): Promise<void> {
    this.reportLang = lang;
    this.reportWritten = true;
    this.events.emit("report", { findings: findings.length });
  }

  /**
   * True once the pane has checked something (a report written or highlights applied): downloads make sense, and
   * stay available after 清除标记 (which only takes the marks off the preview).
   */
  hasResults(): boolean {
    return this.reportWritten || this.checked.size > 0;
  }

  async loadExplanations(): Promise<Explanation[]> {
    return this.explanations.map((e) => ({ ...e }));
  }

  async saveExplanations(explanations: readonly Explanation[]): Promise<void> {
    this.explanations = explanations.map((e) => ({ ...e }));
    this.explanationsChanged = true;
    this.events.emit("explanations", { count: this.explanations.length });
  }

  async loadSettings(): Promise<CheckSettings> {
    return cloneSettings(this.settings);
  }

  async saveSettings(settings: CheckSettings): Promise<void> {
    this.settings = normalizeSettings(cloneSettings(settings));
    this.settingsChanged = true;
    this.events.emit("settings", { settings: cloneSettings(this.settings) });
  }

  /** Inserting formula columns would change the user's table; the page only annotates a copy, so it cannot. */
  async insertFormulaColumns(_sheet: string, _columns: readonly FormulaColumnRequest[]): Promise<void> {
    throw new Error(
      this.lang === "zh"
        ? "独立校验页不支持插入公式列：请在 Excel 中使用加载项"
        : "The standalone page cannot insert formula columns: use the add-in in Excel",
    );
  }

  supports(feature: PortFeature): boolean {
    // The report sheet is part of every downloaded copy; 报送前固化 makes a frozen file to download; formula
    // columns and undo need a live workbook.
    return feature === "report-sheet" || feature === "freeze";
  }

  /**
   * 报送前固化 on the page: the file's ZSTJ.* formulas become their cached results (what Excel showed when it saved).
   * The user's file is not touched: the frozen bytes replace the page's copy, from which the downloads — the
   * frozen file itself and the annotated copy — are made. The grids lose those formulas, so a re-check agrees.
   */
  async freezeAddinFormulas(sheet?: string): Promise<FreezeResult> {
    const target = sheet === undefined ? undefined : (this.findGrid(sheet)?.name ?? sheet);
    const { freezeWorkbookBytes } = await import(/* webpackChunkName: "workbook-io" */ "./freeze-workbook");
    const out = await freezeWorkbookBytes(this.bytes, target);
    if (out.result.cells === 0) return out.result;
    this.bytes = out.bytes;
    this.frozen = true;
    for (const [name, cells] of out.converted) {
      const grid = this.findGrid(name);
      if (!grid?.formulas) continue;
      const origin = grid.origin ?? { row: 0, col: 0 };
      for (const address of cells) {
        const pos = parseA1(address);
        if (!pos) continue;
        const row = grid.formulas[pos.row - origin.row];
        if (row) row[pos.col - origin.col] = null;
      }
    }
    this.events.emit("frozen", out.result);
    return out.result;
  }

  /** True once 报送前固化 changed something: the page offers the frozen file for download. */
  isFrozen(): boolean {
    return this.frozen;
  }

  /** The workbook's current bytes: the file as opened, or as frozen. */
  fileBytes(): Uint8Array {
    return this.bytes;
  }

  snapshot(): PortSnapshot {
    const order = new Map(this.data.sheetNames.map((n, i) => [n, i]));
    const results = [...this.checked.entries()]
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([sheet, findings]) => ({ sheet, findings: [...findings] }));
    return {
      fileName: this.fileName,
      bytes: this.bytes,
      results,
      explanations: this.explanations.map((e) => ({ ...e })),
      explanationsChanged: this.explanationsChanged,
      settings: cloneSettings(this.settings),
      settingsChanged: this.settingsChanged,
      reportLang: this.reportLang,
    };
  }

  private findGrid(name: string): SheetGrid | undefined {
    return this.data.sheets.find((g) => g.name === name) ?? this.data.sheets.find((g) => sameName(g.name, name));
  }
}

/** Settings are plain JSON by contract; copying through JSON keeps callers from mutating ours. */
function cloneSettings(s: CheckSettings): CheckSettings {
  return JSON.parse(JSON.stringify(s)) as CheckSettings;
}
