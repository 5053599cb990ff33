/**
 * The 招商统计助手 task pane: choose a sheet, see what was detected (period, units preset, targets, columns), run
 * 一键校验, walk through the findings, explain the verify ones, and write the report. The same component runs in
 * Excel (Office.js port) and in the standalone page (in-memory workbook port).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { Lang } from "../core/i18n";
import { FindingsList } from "./components/FindingsList";
import { FormulaColumnsSection } from "./components/FormulaColumnsSection";
import { FreezeSection } from "./components/FreezeSection";
import { MappingEditor } from "./components/MappingEditor";
import { PeriodPresetFields } from "./components/PeriodPresetFields";
import { SettingsSection } from "./components/SettingsSection";
import { SheetPicker } from "./components/SheetPicker";
import { StatusArea } from "./components/StatusArea";
import { SummaryBar } from "./components/SummaryBar";
import { TargetsSourceField } from "./components/TargetsSourceField";
import { PreviousSheetField } from "./components/PreviousSheetField";
import { RulesFileField } from "./components/RulesFileField";
import { UsageGuide } from "./components/UsageGuide";
import { countFindings, effectivePreset, mappingSummary, presetById, targetsAdvice } from "./detect";
import { LangContext, useT } from "./i18n";
import { WorkbookPort } from "../app/port";
import { useLayout } from "./styles";
import { PaneActions, PaneState, resultsStale, usePaneState } from "./usePaneState";

export interface PaneProps {
  port: WorkbookPort;
  /** Forces the language (tests, the standalone page's switch); otherwise settings.lang, then Office's. */
  lang?: Lang;
  /** A cell picked outside the pane (the standalone page's preview): its findings are selected in the list. */
  picked?: PickedCell | null;
}

export interface PickedCell {
  sheet: string;
  cell: string;
  /** Changes with every pick, so picking the same cell again brings its finding back into view. */
  nonce: number;
}

export function Pane({ port, lang: forced, picked }: PaneProps): JSX.Element {
  const { state, actions, lang } = usePaneState(port, forced);
  return (
    <LangContext.Provider value={lang}>
      <PaneView port={port} state={state} actions={actions} picked={picked ?? null} />
    </LangContext.Provider>
  );
}

function PaneView(props: { port: WorkbookPort; state: PaneState; actions: PaneActions; picked: PickedCell | null }): JSX.Element {
  const { port, state, actions, picked } = props;
  const { t, lang, pick } = useT();
  const layout = useLayout();
  const working = state.phase === "detecting" || state.phase === "checking";
  const loading = state.phase === "idle" && state.sheets.length === 0 && state.notice === null;
  const model = state.model;
  const settings = state.settings;
  const targetsMissing = settings.targets.kind === "sheet" && settings.targets.sheet === "";
  const canCheck = state.sheet !== null && model !== null && !working && !targetsMissing;
  const counts = countFindings(state.findings);
  const summary = model ? mappingSummary(model) : null;
  const hasOverrides = state.sheet !== null && (settings.mapping[state.sheet]?.length ?? 0) > 0;
  const run = state.run;
  const limitations = useMemo(() => port.limitations?.() ?? [], [port]);
  const stale = state.phase === "results" && resultsStale(run, settings);
  const [selected, setSelected] = useState<{ cell: string; reveal: number } | null>(null);
  // Each pick is applied once: a re-check must not pull the focus back to an earlier pick's finding.
  const appliedPick = useRef(0);
  useEffect(() => {
    if (run === null) setSelected(null);
    if (!picked || picked.nonce === appliedPick.current || !run || picked.sheet.toLowerCase() !== run.sheet.toLowerCase()) return;
    appliedPick.current = picked.nonce;
    setSelected({ cell: picked.cell, reveal: picked.nonce });
  }, [picked, run]);

  return (
    <main className={layout.root} lang={lang === "zh" ? "zh-CN" : "en"} aria-busy={working}>
      {/* On the standalone page (a file port) the page's own header carries the title: one h1, not two. */}
      {port.kind !== "file" && <h1 className={layout.title}>{t("appTitle")}</h1>}
      <StatusArea phase={state.phase} sheet={state.sheet} progress={state.progress} loading={loading} notice={state.notice} onDismiss={actions.dismissNotice} />
      {/* What this Excel cannot do that others can (no notes below ExcelApi 1.18 …): said once, before the user wonders. */}
      {limitations.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{limitations.map((l) => pick(l)).join(" ")}</MessageBarBody>
        </MessageBar>
      )}

      <section className={layout.section} aria-label={t("sheet")}>
        <SheetPicker sheets={state.sheets} sheet={state.sheet} disabled={working} onSelect={(name) => void actions.selectSheet(name)} />
        {model && (
          <PeriodPresetFields
            model={model}
            period={settings.period}
            preset={settings.preset}
            effectivePresetName={pick(effectivePreset(model, settings).name)}
            disabled={working}
            onPeriod={actions.setPeriod}
            onPreset={actions.setPreset}
          />
        )}
        <TargetsSourceField
          value={settings.targets}
          sheets={state.sheets.filter((s) => s !== state.sheet)}
          disabled={working}
          advice={targetsAdvice(model, state.sheets, settings.targets)}
          onChange={actions.setTargets}
        />
        <PreviousSheetField
          value={settings.previousSheet}
          sheets={state.sheets.filter((s) => s !== state.sheet)}
          disabled={working}
          onChange={actions.setPreviousSheet}
        />
        <RulesFileField
          loaded={state.rulesFile && { name: state.rulesFile.name, count: state.rulesFile.rules.length }}
          disabled={working}
          onLoad={actions.loadRulesFile}
          onClear={actions.clearRulesFile}
        />
        <div className={layout.row}>
          <Button
            appearance="primary"
            disabled={!canCheck}
            icon={state.phase === "checking" ? <Spinner size="tiny" /> : undefined}
            onClick={() => void actions.check()}
          >
            {t("check")}
          </Button>
        </div>
      </section>

      {run && state.phase !== "detecting" && (
        <section className={layout.section} aria-labelledby="zs-results">
          <h2 id="zs-results" className={layout.heading}>
            {t("results")}
          </h2>
          <p className={layout.hint}>
            {t("checkedAs", {
              sheet: run.sheet,
              period: run.period?.label ?? t("noPeriod"),
              preset: pick(presetById(run.preset).name),
            })}
          </p>
          {stale && (
            <MessageBar intent="warning" layout="multiline" role="status">
              <MessageBarBody>{t("staleResults")}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" disabled={!canCheck} onClick={() => void actions.check()}>
                  {t("recheck")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <SummaryBar counts={counts} />
          <div className={layout.row}>
            <Button
              size="small"
              disabled={state.busy !== null}
              icon={state.busy === "clear" ? <Spinner size="tiny" /> : undefined}
              onClick={() => void actions.clearHighlights()}
            >
              {t("clearMarks")}
            </Button>
            <Button
              size="small"
              disabled={state.busy !== null}
              icon={state.busy === "report" ? <Spinner size="tiny" /> : undefined}
              onClick={() => void actions.writeReport()}
            >
              {t("writeReport")}
            </Button>
          </div>
          {port.kind === "file" && <p className={layout.hint}>{t("fileModeHint")}</p>}
          <FindingsList
            findings={state.findings}
            counts={counts}
            busy={state.busy === "explanation"}
            selected={selected}
            onSelect={(f) => {
              if (f.cell !== null) setSelected((prev) => ({ cell: f.cell as string, reveal: prev?.reveal ?? 0 }));
              void actions.selectFinding(f);
            }}
            onExplain={actions.saveExplanation}
          />
        </section>
      )}

      <Accordion multiple collapsible defaultOpenItems={["mapping"]}>
        {model && (
          <AccordionItem value="mapping">
            <AccordionHeader as="h2">
              {summary?.axis === "rows"
                ? `${t("mappingRowsTitle")} · ${t("mappingRowsSummary", { mapped: summary.mapped, unmapped: summary.unmapped })}`
                : `${t("mappingTitle")} · ${t("mappingSummary", { mapped: summary?.mapped ?? 0, unmapped: summary?.unmapped ?? 0 })}`}
            </AccordionHeader>
            <AccordionPanel>
              <MappingEditor model={model} hasOverrides={hasOverrides} disabled={working} onChange={actions.setMapping} onReset={actions.resetMapping} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {model && port.supports("formula-columns") && (
          <AccordionItem value="formulas">
            <AccordionHeader as="h2">{t("formulaTitle")}</AccordionHeader>
            <AccordionPanel>
              <FormulaColumnsSection model={model} busy={state.busy === "formulas"} disabled={working} onInsert={actions.insertFormulaColumns} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {(port.supports("freeze") || port.kind === "excel") && (
          <AccordionItem value="freeze">
            <AccordionHeader as="h2">{t("freezeTitle")}</AccordionHeader>
            <AccordionPanel>
              <FreezeSection
                sheet={state.sheet}
                undo={port.supports("undo")}
                fileMode={port.kind === "file"}
                available={port.supports("freeze")}
                busy={state.busy === "freeze"}
                disabled={working}
                onFreeze={actions.freezeAddinFormulas}
              />
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="guide">
          <AccordionHeader as="h2">{t("guideTitle")}</AccordionHeader>
          <AccordionPanel>
            <UsageGuide lang={lang} headingLevel={3} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="settings">
          <AccordionHeader as="h2">{t("settingsTitle")}</AccordionHeader>
          <AccordionPanel>
            <SettingsSection
              settings={settings}
              dirty={state.dirty}
              busy={state.busy === "settings"}
              onChange={actions.updateSettings}
              onSave={() => void actions.saveSettings()}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
