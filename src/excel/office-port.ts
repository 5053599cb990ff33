import { Explanation } from "../core/explanations";
import { Finding } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { CheckSettings, normalizeSettings } from "../core/settings";
import { parseA1 } from "../core/sheet/a1";
import { SheetGrid } from "../core/sheet/types";
import { FormulaColumnRequest, FreezeResult, PortFeature, Progress, WorkbookPort } from "../app/port";
import { languageForTag } from "./ui-language";
import { runBatch } from "./batch";
import { readExplanationsSheet, writeExplanationsSheet } from "./explanations-store";
import { insertFormulaColumnsInto } from "./formula-columns";
import { freezeAddinFormulasIn } from "./freeze";
import { applyMarks, clearMarks } from "./highlight";
import { noNotes } from "./errors";
import { OfficeHost, officeHost } from "./host";
import { DEFAULT_READ_LIMITS, ReadLimits, readSheetGrid } from "./read";
import { removeReportSheet, writeReportSheet } from "./report";
import { requirementsFrom, Requirements } from "./requirements";
import { loadDocumentSettings, readSettingsSheet, writeSettingsSheet } from "./settings-store";

export interface OfficePortOptions {
  /** Defaults to the Office globals (Excel.run, Office.context). */
  host?: OfficeHost;
  /** Language of the notes written into cells; defaults to the saved settings' language, then Office's. */
  lang?: Lang;
  readLimits?: ReadLimits;
}

/** Office's display-language tag → the add-in's language (one rule for pane, ribbon and notes: ui-language.ts). */
export function languageOf(tag: string | null | undefined): Lang {
  return languageForTag(tag);
}

/**
 * The workbook as the pane and the ribbon command see it inside Excel. Every method is one Excel.run batch with a
 * fixed, small number of context.sync() calls (see each module); writes that the user might want to take back
 * (marks, report, formula columns) are one undo step where Excel can group them (ExcelApi 1.20).
 */
export class OfficeWorkbookPort implements WorkbookPort {
  readonly kind = "excel" as const;

  /** A live workbook can take formula columns and the report sheet; one undo step needs ExcelApi 1.20. */
  supports(feature: PortFeature): boolean {
    if (feature === "undo") return this.req.supports("undoGroup");
    if (feature === "freeze") return this.req.supports("copyFrom");
    return true;
  }

  private readonly host: OfficeHost;
  private readonly req: Requirements;

  constructor(private readonly options: OfficePortOptions = {}) {
    this.host = options.host ?? officeHost();
    this.req = requirementsFrom((name, version) => this.host.isSetSupported(name, version));
  }

  /** Features this Excel lacks that the user would otherwise expect (the ribbon's notice and the pane show them). */
  limitations(): Bilingual[] {
    return this.req.supports("notes") ? [] : [noNotes()];
  }

  displayLanguage(): Lang {
    let tag: string | undefined;
    try {
      tag = this.host.displayLanguage();
    } catch {
      tag = undefined;
    }
    return languageOf(tag);
  }

  /** The settings last loaded or saved through this port: their language words the notes. */
  private known: CheckSettings | null = null;

  /** The port's language if given, else the one saved in the workbook's settings, else Office's. */
  private notesLanguage(): Lang {
    if (this.options.lang) return this.options.lang;
    let saved: Lang | null = this.known?.lang ?? null;
    if (this.known === null) {
      try {
        saved = loadDocumentSettings(this.host.settings())?.lang ?? null;
      } catch {
        saved = null;
      }
    }
    return saved ?? this.displayLanguage();
  }

  /** Visible sheets in tab order: hidden ones (our explanations sheet among them) are not offered for checking. */
  listSheets(): Promise<string[]> {
    return runBatch(this.host, this.req, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("name, visibility");
      await context.sync();
      return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    });
  }

  activeSheet(): Promise<string> {
    return runBatch(this.host, this.req, async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    const limits = this.options.readLimits ?? DEFAULT_READ_LIMITS;
    return runBatch(this.host, this.req, (context) => readSheetGrid(context, this.req, name, { onProgress, limits }));
  }

  applyHighlights(sheet: string, findings: readonly Finding[]): Promise<void> {
    const lang = this.notesLanguage();
    return runBatch(this.host, this.req, (context) => applyMarks(context, this.req, sheet, findings, lang), { undoGroup: true });
  }

  /** The 校验结果 sheet this port last wrote, so that 清除标记 can take it back too. */
  private reportSheet: string | null = null;

  async clearHighlights(sheet?: string): Promise<void> {
    await runBatch(this.host, this.req, (context) => clearMarks(context, this.req, sheet), { undoGroup: true });
    const report = this.reportSheet;
    if (report === null) return;
    // A batch of its own, never grouped: Worksheet.delete has no undo support on Windows and Mac ("Unsupported
    // APIs", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    const removed = await runBatch(this.host, this.req, (context) => removeReportSheet(context, report, sheet));
    if (removed) this.reportSheet = null;
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return runBatch(this.host, this.req, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      // A finding about the whole sheet has no cell: showing the sheet is all there is to do.
      if (parseA1(cell)) ws.getRange(cell.replace(/\$/g, "")).select();
      await context.sync();
    });
  }

  async writeReport(findings: readonly Finding[], lang: Lang): Promise<void> {
    this.reportSheet = await runBatch(this.host, this.req, (context) => writeReportSheet(context, this.req, findings, lang), { undoGroup: true });
  }

  loadExplanations(): Promise<Explanation[]> {
    return runBatch(this.host, this.req, (context) => readExplanationsSheet(context));
  }

  /** Not an undo group: hiding the sheet (Worksheet.visibility) has no undo support on Windows and Mac. */
  saveExplanations(explanations: readonly Explanation[]): Promise<void> {
    return runBatch(this.host, this.req, (context) => writeExplanationsSheet(context, this.req, explanations));
  }

  /** The settings sheet; for a workbook saved by an earlier version, its document settings; else the defaults. */
  async loadSettings(): Promise<CheckSettings> {
    const stored = await runBatch(this.host, this.req, (context) => readSettingsSheet(context));
    let found = stored;
    if (found === null) {
      try {
        found = loadDocumentSettings(this.host.settings());
      } catch {
        found = null;
      }
    }
    this.known = found ?? normalizeSettings(null);
    return this.known;
  }

  /** Not an undo group: hiding the sheet (Worksheet.visibility) has no undo support on Windows and Mac. */
  async saveSettings(settings: CheckSettings): Promise<void> {
    const normal = normalizeSettings(settings);
    await runBatch(this.host, this.req, (context) => writeSettingsSheet(context, this.req, normal));
    this.known = normal;
  }

  async insertFormulaColumns(sheet: string, columns: readonly FormulaColumnRequest[]): Promise<void> {
    await runBatch(this.host, this.req, (context) => insertFormulaColumnsInto(context, this.req, sheet, columns), { undoGroup: true });
  }

  /**
   * One undo step where ExcelApi 1.20 allows. Safe to rerun after an UndoNotSupported refusal (runBatch): a cell
   * already converted has no formula left, so a second pass converts only what the first did not.
   */
  freezeAddinFormulas(sheet?: string): Promise<FreezeResult> {
    return runBatch(this.host, this.req, (context) => freezeAddinFormulasIn(context, this.req, sheet), { undoGroup: true });
  }
}
