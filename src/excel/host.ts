/**
 * The few things the adapter takes from the Office globals, gathered behind one interface so that tests hand in
 * a mock and the ribbon command, the task pane and the tests all go through the same code.
 */
export interface BatchOptions {
  /** Merge every context.sync() of the batch into one undo step (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
  /**
   * Wait while the user is typing in a cell instead of failing (Excel.RunOptions.delayForCellEdit: "When false, if
   * the user is in cell edit when the batch request is processed by the host, the batch automatically fails").
   */
  delayForCellEdit?: boolean;
}

export type BatchRunner = <T>(options: BatchOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office.Settings (document settings, saved inside the workbook) the adapter uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export interface OfficeHost {
  run: BatchRunner;
  isSetSupported(name: string, version: string): boolean;
  /** Office's UI language tag ("zh-CN", "en-US"). */
  displayLanguage(): string;
  settings(): DocumentSettings;
}

/** The real thing. Globals are read when called, not when the module loads (office.js may load later). */
export function officeHost(): OfficeHost {
  return {
    run: (options, batch) =>
      // mergeUndoGroup only when asked: Excels before ExcelApi 1.20 know no such option.
      Excel.run({ delayForCellEdit: options.delayForCellEdit === true, ...(options.mergeUndoGroup ? { mergeUndoGroup: true } : {}) }, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => Office.context.displayLanguage,
    settings: () => Office.context.document.settings,
  };
}
