/**
 * The pane's state machine and its effects on the workbook, all through the WorkbookPort:
 *
 *   idle ──start──▶ detecting ──read+detect──▶ ready ──一键校验──▶ checking ──▶ results
 *                       ▲                        │                              │
 *                       └──── another sheet ─────┴──────────────────────────────┘
 *
 * Errors never leave a phase half-done: a failed read goes back to the previous phase with a message naming the
 * sheet. Messages are stored as ids + values and rendered in the language of the moment.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { OneClickError, OneClickOutcome, runOneClick } from "../app/one-click";
import { keyedOverride } from "../app/mapping-keys";
import { AuditRule, parseAuditRules } from "../core/audit";
import {
  attachExplanations,
  checkExplanation,
  ExplainedFinding,
  Explanation,
  ExplanationCheck,
  upsertExplanation,
} from "../core/explanations";
import { Finding } from "../core/findings";
import { Lang } from "../core/i18n";
import { Period } from "../core/period";
import { CheckSettings, DEFAULT_SETTINGS, normalizeSettings, TargetsSource } from "../core/settings";
import { MappingOverride, SheetGrid, SheetModel } from "../core/sheet/types";
import { detectModel, sameOverridePlace, targetsAdvice } from "./detect";
import { MessageId, translate, Vars } from "./i18n";
import { FormulaColumnRequest, FreezeResult, WorkbookPort } from "../app/port";

export type Phase = "idle" | "detecting" | "ready" | "checking" | "results";

export type Busy = "report" | "clear" | "explanation" | "settings" | "formulas" | "freeze" | null;

export interface Notice {
  intent: "error" | "success" | "warning" | "info";
  id: MessageId;
  vars?: Vars;
}

export interface CheckedRun {
  sheet: string;
  period: Period | null;
  preset: string;
  /** The findings as the engine returned them; `findings` in state has the explanations attached. */
  raw: Finding[];
  /** The settings the check ran with: results are stale once the user changes them. */
  settings: CheckSettings;
}

/** JSON with sorted keys: two settings objects built in a different order still compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * True when a setting that changes what a check finds (period, preset, targets, mapping, thresholds …) differs
 * from the one the results were found with. The display language does not count: findings carry both languages.
 */
export function resultsStale(run: CheckedRun | null, settings: CheckSettings): boolean {
  if (run === null) return false;
  return canonical({ ...run.settings, lang: null }) !== canonical({ ...settings, lang: null });
}

export interface PaneState {
  phase: Phase;
  sheets: string[];
  sheet: string | null;
  grid: SheetGrid | null;
  model: SheetModel | null;
  settings: CheckSettings;
  /** Settings differ from what the workbook has saved. */
  dirty: boolean;
  explanations: Explanation[];
  run: CheckedRun | null;
  findings: ExplainedFinding[];
  /** 0..1 while a long read reports progress; null otherwise. */
  progress: number | null;
  busy: Busy;
  notice: Notice | null;
  /** 审核公式 from a rules file the user chose (not stored in the workbook: the file is the user's). */
  rulesFile: { name: string; rules: AuditRule[] } | null;
}

export interface PaneActions {
  selectSheet(name: string): Promise<void>;
  setPeriod(label: string | null): void;
  setPreset(id: string): void;
  setTargets(targets: TargetsSource): void;
  /** Reads a chosen rules file; a syntax error is shown (line and column) and the file is not used. */
  loadRulesFile(name: string, text: string): boolean;
  clearRulesFile(): void;
  /** The 上期报表 sheet; undefined: no comparison with the previous period. */
  setPreviousSheet(sheet: string | undefined): void;
  setMapping(override: MappingOverride): void;
  resetMapping(): void;
  updateSettings(patch: Partial<CheckSettings>): void;
  saveSettings(): Promise<void>;
  check(): Promise<void>;
  selectFinding(finding: Finding): Promise<void>;
  clearHighlights(): Promise<void>;
  writeReport(): Promise<void>;
  /** Validates and saves; the refusal (e.g. "核实无误") is returned for the editor to show. */
  saveExplanation(finding: Finding, text: string): Promise<ExplanationCheck>;
  insertFormulaColumns(columns: FormulaColumnRequest[]): Promise<boolean>;
  /** 报送前固化 of the whole workbook, or of the sheet in the picker; the count is reported as a notice. */
  freezeAddinFormulas(scope: "workbook" | "sheet"): Promise<FreezeResult | null>;
  dismissNotice(): void;
}

const INITIAL: PaneState = {
  phase: "idle",
  sheets: [],
  sheet: null,
  grid: null,
  model: null,
  settings: DEFAULT_SETTINGS,
  dirty: false,
  explanations: [],
  run: null,
  findings: [],
  progress: null,
  busy: null,
  notice: null,
  rulesFile: null,
};

function detail(error: unknown, lang: Lang = "en"): string {
  // The Office adapter's errors carry both languages (OfficeAdapterError.text): show the pane's.
  const text = (error as { text?: Partial<Record<Lang, unknown>> } | null)?.text;
  if (text && typeof text[lang] === "string") return text[lang] as string;
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : String(error);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function usePaneState(port: WorkbookPort, forcedLang?: Lang): { state: PaneState; actions: PaneActions; lang: Lang } {
  const [state, setState] = useState<PaneState>(INITIAL);
  // The latest state for async actions (a closure's copy would be stale after an await).
  const ref = useRef(state);
  ref.current = state;
  /** Bumped by every sheet selection and check: a slower, older read must not overwrite a newer one. */
  const generation = useRef(0);
  const mounted = useRef(true);

  const update = useCallback((patch: Partial<PaneState> | ((s: PaneState) => Partial<PaneState>)) => {
    if (!mounted.current) return;
    setState((s) => {
      const next = { ...s, ...(typeof patch === "function" ? patch(s) : patch) };
      ref.current = next;
      return next;
    });
  }, []);

  const lang: Lang = forcedLang ?? state.settings.lang ?? port.displayLanguage();
  const langRef = useRef(lang);
  langRef.current = lang;

  const fail = useCallback((id: MessageId, vars: Vars, error: unknown) => {
    update({ notice: { intent: "error", id, vars: { ...vars, detail: detail(error, langRef.current) } } });
  }, [update]);

  const selectSheet = useCallback(
    async (name: string, keepNotice = false) => {
      const mine = ++generation.current;
      const before = ref.current;
      update((s) => ({ phase: "detecting", sheet: name, progress: null, notice: keepNotice ? s.notice : null, run: null, findings: [], grid: null, model: null }));
      try {
        const grid = await port.readSheet(name, (p) => {
          if (generation.current === mine) update({ progress: p });
        });
        if (generation.current !== mine) return;
        const model = detectModel(grid, ref.current.settings);
        update((s) => {
          // A sheet without target columns in a workbook that has a 年度目标 sheet: that sheet is used, and said so.
          const offer = targetsAdvice(model, s.sheets, s.settings.targets)?.offer ?? null;
          if (offer === null) return { phase: "ready", grid, model, progress: null };
          const settings = { ...s.settings, targets: { kind: "sheet" as const, sheet: offer } };
          const notice: Notice = { intent: "info", id: "targetsOffered", vars: { sheet: offer } };
          return { phase: "ready", grid, model, progress: null, settings, dirty: true, notice };
        });
      } catch (error) {
        if (generation.current !== mine) return;
        update({ phase: before.model && before.sheet === name ? "ready" : "idle", progress: null });
        fail("errRead", { sheet: name }, error);
      }
    },
    [port, update, fail],
  );

  // Start: saved settings and explanations, the sheets, then the active sheet.
  useEffect(() => {
    mounted.current = true;
    let cancelled = false;
    (async () => {
      // Either may fail (a damaged hidden sheet): the pane still works with defaults and says so.
      let settings = DEFAULT_SETTINGS;
      let explanations: Explanation[] = [];
      try {
        settings = normalizeSettings(await port.loadSettings());
      } catch (error) {
        if (!cancelled) fail("errLoad", {}, error);
      }
      try {
        explanations = await port.loadExplanations();
      } catch (error) {
        if (!cancelled) fail("errLoad", {}, error);
      }
      if (cancelled) return;
      update({ settings, explanations, dirty: false });
      let sheets: string[] = [];
      let active: string | null = null;
      try {
        sheets = await port.listSheets();
        active = sheets.length > 0 ? await port.activeSheet() : null;
      } catch (error) {
        if (!cancelled) fail("errList", {}, error);
        return;
      }
      if (cancelled) return;
      if (sheets.length === 0) {
        update({ sheets, notice: { intent: "warning", id: "noSheets" } });
        return;
      }
      const first = active !== null && sheets.includes(active) ? active : sheets[0];
      update({ sheets });
      await selectSheet(first, true);
    })();
    return () => {
      cancelled = true;
      mounted.current = false;
    };
  }, [port, update, fail, selectSheet]);

  /** Settings changed by the user; the model is re-read from the grid already in hand (no workbook access). */
  const changeSettings = useCallback(
    (next: CheckSettings) => {
      const s = ref.current;
      const model = s.grid ? detectModel(s.grid, next) : s.model;
      update({ settings: next, dirty: true, model });
    },
    [update],
  );

  const actions: PaneActions = useMemo(() => {
    const settings = () => ref.current.settings;
    const sheetName = () => ref.current.sheet ?? "";

    const persistSettings = async (): Promise<boolean> => {
      const current = settings();
      try {
        await port.saveSettings(current);
        update((s) => ({ dirty: s.settings === current ? false : s.dirty }));
        return true;
      } catch (error) {
        fail("errSettings", { sheet: sheetName() }, error);
        return false;
      }
    };

    return {
      selectSheet: (name) => selectSheet(name),
      setPeriod: (label) => changeSettings({ ...settings(), period: label }),
      setPreset: (id) => changeSettings({ ...settings(), preset: id }),
      setTargets: (targets) => changeSettings({ ...settings(), targets }),
      loadRulesFile: (name, text) => {
        const parsed = parseAuditRules(text, { zh: name, en: name });
        if (!parsed.ok) {
          const reason = parsed.errors.map((e) => e.message[langRef.current]).join(langRef.current === "zh" ? "；" : "; ");
          update({ notice: { intent: "error", id: "rulesFileRefused", vars: { reason } } });
          return false;
        }
        update({ rulesFile: { name, rules: parsed.rules }, notice: null });
        return true;
      },
      clearRulesFile: () => update({ rulesFile: null }),
      setPreviousSheet: (sheet) => {
        const { previousSheet: _dropped, ...rest } = settings();
        changeSettings(sheet === undefined ? rest : { ...rest, previousSheet: sheet });
      },
      setMapping: (change) => {
        const s = settings();
        const sheet = ref.current.sheet;
        if (sheet === null) return;
        // Stored with the header text (row label) it was made on, so it follows its column when the range moves.
        const model = ref.current.model;
        const override = model ? keyedOverride(model, change) : change;
        const list = (s.mapping[sheet] ?? []).filter((o) => !sameOverridePlace(o, override));
        const sorted = [...list, override].sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || a.col - b.col);
        changeSettings({ ...s, mapping: { ...s.mapping, [sheet]: sorted } });
      },
      resetMapping: () => {
        const s = settings();
        const sheet = ref.current.sheet;
        if (sheet === null) return;
        const mapping = { ...s.mapping };
        delete mapping[sheet];
        changeSettings({ ...s, mapping });
      },
      updateSettings: (patch) => changeSettings({ ...settings(), ...patch }),

      saveSettings: async () => {
        update({ busy: "settings", notice: null });
        const ok = await persistSettings();
        update({ busy: null, ...(ok ? { notice: { intent: "success", id: "settingsSaved" } } : {}) });
      },

      check: async () => {
        const start = ref.current;
        const sheet = start.sheet;
        if (sheet === null || start.phase === "checking" || start.phase === "detecting") return;
        const current = start.settings;
        if (current.targets.kind === "sheet" && !current.targets.sheet) {
          update({ notice: { intent: "error", id: "targetsSheetNeeded" } });
          return;
        }
        const mine = ++generation.current;
        const back: Phase = start.run ? "results" : "ready";
        update({ phase: "checking", progress: null, notice: null });
        const isCurrent = () => generation.current === mine;
        let outcome: OneClickOutcome | null;
        try {
          // The one 一键校验 sequence (src/app/one-click.ts), which the ribbon's command runs too.
          outcome = await runOneClick(port, {
            sheet,
            sheetNames: ref.current.sheets,
            auditRules: ref.current.rulesFile?.rules,
            settings: current,
            explanations: ref.current.explanations,
            lang: langRef.current,
            isCurrent,
            onProgress: (p) => {
              if (isCurrent()) update({ progress: p });
            },
            onChecked: ({ check, findings }) => {
              const run: CheckedRun = { sheet, period: check.result.period, preset: check.result.preset, raw: check.result.findings, settings: current };
              const refused = check.previousRefused;
              // A comparison asked for and not made must not pass for a clean one.
              const notice: Notice | null =
                refused === null ? null : { intent: "warning", id: "previousRefused", vars: { reason: refused[langRef.current] } };
              update({ phase: "results", grid: check.model.grid, model: check.model, run, findings, progress: null, ...(notice ? { notice } : {}) });
            },
          });
        } catch (error) {
          if (!isCurrent()) return;
          update({ phase: back, progress: null });
          const e = error instanceof OneClickError ? error : new OneClickError("check", sheet, error);
          if (e.stage === "check") fail("errCheck", { sheet }, e.cause);
          else fail("errRead", { sheet: e.sourceSheet ?? sheet }, e.cause);
          return;
        }
        if (outcome === null) return;
        if (outcome.highlightError !== undefined) fail("errHighlight", { sheet }, outcome.highlightError);
        // The ribbon's 一键校验 and the next person to open the file check the same way.
        if (ref.current.dirty) await persistSettings();
      },

      selectFinding: async (finding) => {
        if (finding.cell === null) return;
        try {
          await port.selectCell(finding.sheet, finding.cell);
        } catch (error) {
          fail("errSelect", { sheet: finding.sheet, cell: finding.cell }, error);
        }
      },

      clearHighlights: async () => {
        const sheet = sheetName();
        update({ busy: "clear", notice: null });
        try {
          await port.clearHighlights(sheet || undefined);
          update({ notice: { intent: "success", id: "marksCleared", vars: { sheet } } });
        } catch (error) {
          fail("errClear", { sheet }, error);
        } finally {
          update({ busy: null });
        }
      },

      writeReport: async () => {
        const s = ref.current;
        update({ busy: "report", notice: null });
        try {
          await port.writeReport(s.findings, langRef.current);
          update({ notice: { intent: "success", id: "reportWritten" } });
        } catch (error) {
          fail("errReport", { sheet: s.run?.sheet ?? sheetName() }, error);
        } finally {
          update({ busy: null });
        }
      },

      saveExplanation: async (finding, text) => {
        const verdict = checkExplanation(text);
        if (!verdict.ok) return verdict;
        const next = upsertExplanation(ref.current.explanations, {
          sheet: finding.sheet,
          cell: finding.cell,
          rule: finding.rule,
          text: verdict.text,
          date: today(),
        });
        update({ busy: "explanation", notice: null });
        try {
          await port.saveExplanations(next);
        } catch (error) {
          update({ busy: null });
          fail("errExplain", { sheet: finding.sheet }, error);
          const vars = { detail: detail(error) };
          return { ok: false, message: { zh: translate("zh", "notSaved", vars), en: translate("en", "notSaved", vars) } };
        }
        update((s) => ({
          busy: null,
          explanations: next,
          findings: s.run ? attachExplanations(s.run.raw, next) : s.findings,
          notice: { intent: "success", id: "explanationSaved" },
        }));
        return verdict;
      },

      insertFormulaColumns: async (columns) => {
        const sheet = ref.current.sheet;
        if (sheet === null || columns.length === 0) return false;
        update({ busy: "formulas", notice: null });
        try {
          await port.insertFormulaColumns(sheet, columns);
        } catch (error) {
          update({ busy: null });
          fail("errFormulas", { sheet }, error);
          return false;
        }
        update({ busy: null });
        // The sheet has new columns: read it again so that the mapping shows them.
        await selectSheet(sheet, true);
        update({ notice: { intent: "success", id: "formulaInserted", vars: { sheet, n: columns.length } } });
        return true;
      },

      freezeAddinFormulas: async (scope) => {
        const sheet = ref.current.sheet;
        if (scope === "sheet" && sheet === null) return null;
        update({ busy: "freeze", notice: null });
        let result: FreezeResult;
        try {
          result = await port.freezeAddinFormulas(scope === "sheet" ? (sheet as string) : undefined);
        } catch (error) {
          update({ busy: null });
          fail("errFreeze", {}, error);
          return null;
        }
        update({ busy: null });
        // Converted cells hold values now: read the sheet again so that the next check sees the sheet as it is.
        if (result.cells > 0 && sheet !== null) await selectSheet(sheet, true);
        const l = langRef.current;
        const sep = translate(l, "listSeparator");
        const vars = {
          n: result.cells,
          sheets: result.sheets.length,
          names: result.sheets.join(sep),
          k: result.skipped.length,
          cells: result.skipped.slice(0, 5).join(sep) + (result.skipped.length > 5 ? translate(l, "freezeMore") : ""),
        };
        const notice: Notice =
          result.skipped.length > 0
            ? { intent: "warning", id: result.cells > 0 ? "freezeDoneSkipped" : "freezeOnlySkipped", vars }
            : result.cells > 0
              ? { intent: "success", id: "freezeDone", vars }
              : { intent: "info", id: "freezeNothing", vars };
        update({ notice });
        return result;
      },

      dismissNotice: () => update({ notice: null }),
    };
  }, [port, update, fail, selectSheet, changeSettings]);

  return { state, actions, lang };
}
