import { useEffect, useState } from "react";
import { attachExplanations, ExplainedFinding } from "../core/explanations";
import { compareFindings, RULE_NAMES, SEVERITIES, SEVERITY_NAMES, summarize } from "../core/findings";
import { Lang } from "../core/i18n";
import { detectModel } from "../taskpane/detect";
import type { MemoryWorkbookPort } from "./memory-port";

/**
 * What a district attaches to its submission: the file, each checked sheet with its period, the counts by
 * severity, and every finding with its cell, message and 核实说明. Hidden on screen; the only thing printed.
 */
export const PRINT_CSS = `
.zs-print{display:none}
@media print{
  @page{size:A4 portrait;margin:14mm 12mm}
  html,body{background:#fff!important;color:#000!important}
  .zs-provider > .zs-page{display:none!important}
  .zs-print{display:block;font-size:10.5pt;line-height:1.45;color:#000;
    font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif}
  .zs-print h1{font-size:15pt;margin:0 0 4mm}
  .zs-print h2{font-size:12.5pt;margin:6mm 0 2mm;break-after:avoid}
  .zs-print dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 4mm;margin:0 0 3mm}
  .zs-print dt{font-weight:bold}
  .zs-print dd{margin:0}
  .zs-print table{width:100%;border-collapse:collapse;table-layout:fixed}
  .zs-print thead{display:table-header-group}
  .zs-print tr{break-inside:avoid}
  .zs-print th,.zs-print td{border:0.5pt solid #777;padding:1mm 1.5mm;vertical-align:top;text-align:left;overflow-wrap:anywhere}
  .zs-print th{background:#eee}
  .zs-print .zs-print-sheet + .zs-print-sheet{break-before:page}
  .zs-print footer{margin-top:4mm;font-size:9pt;color:#444}
}
`;

const LABELS = {
  zh: {
    title: "招商统计数据校验情况",
    file: "文件",
    sheet: "工作表",
    period: "统计期间",
    counts: "问题数",
    checkedAt: "校验时间",
    severity: "级别",
    cell: "单元格",
    unit: "单位",
    rule: "规则",
    message: "问题",
    explanation: "核实说明",
    none: "未发现问题。",
    noPeriod: "未识别",
    count: (n: number) => `${n} 条`,
    footer: "由招商统计助手独立校验页生成；数据未离开本机。",
  },
  en: {
    title: "Investment statistics check",
    file: "File",
    sheet: "Sheet",
    period: "Period",
    counts: "Findings",
    checkedAt: "Checked",
    severity: "Level",
    cell: "Cell",
    unit: "Unit",
    rule: "Rule",
    message: "Finding",
    explanation: "Explanation",
    none: "No problems found.",
    noPeriod: "not recognised",
    count: (n: number) => `${n}`,
    footer: "Made by the ZS Stats Assistant standalone page; the data never left this computer.",
  },
};

interface PrintedSheet {
  sheet: string;
  period: string | null;
  findings: ExplainedFinding[];
}

/** The checked sheets as they stand now (last check of each, explanations attached), in workbook order. */
export function printedSheets(port: MemoryWorkbookPort): PrintedSheet[] {
  const snap = port.snapshot();
  return snap.results.map(({ sheet, findings }) => {
    const grid = port.grid(sheet);
    let period: string | null = null;
    try {
      period = grid ? (detectModel(grid, snap.settings).period?.label ?? null) : null;
    } catch {
      period = null;
    }
    return { sheet, period, findings: attachExplanations([...findings].sort(compareFindings), snap.explanations) };
  });
}

export function PrintReport(props: { port: MemoryWorkbookPort; lang: Lang }) {
  const { port, lang } = props;
  const L = LABELS[lang];
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offs = [port.events.on("highlights", bump), port.events.on("explanations", bump), port.events.on("settings", bump)];
    return () => offs.forEach((off) => off());
  }, [port]);
  const sheets = printedSheets(port);
  const now = new Date();
  const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return (
    <div className="zs-print" data-version={version}>
      <style>{PRINT_CSS}</style>
      {sheets.map((s) => {
        const counts = summarize(s.findings);
        return (
          <section key={s.sheet} className="zs-print-sheet">
            <h1>{L.title}</h1>
            <dl>
              <dt>{L.file}</dt>
              <dd>{port.fileName}</dd>
              <dt>{L.sheet}</dt>
              <dd>{s.sheet}</dd>
              <dt>{L.period}</dt>
              <dd>{s.period ?? L.noPeriod}</dd>
              <dt>{L.counts}</dt>
              <dd className="zs-print-counts">
                {SEVERITIES.map((sev) => `${SEVERITY_NAMES[sev][lang]} ${L.count(counts[sev])}`).join(lang === "zh" ? "，" : ", ")}
              </dd>
              <dt>{L.checkedAt}</dt>
              <dd>{stamp}</dd>
            </dl>
            {s.findings.length === 0 ? (
              <p>{L.none}</p>
            ) : (
              <table>
                <colgroup>
                  <col style={{ width: "9%" }} />
                  <col style={{ width: "8%" }} />
                  <col style={{ width: "12%" }} />
                  <col style={{ width: "13%" }} />
                  <col style={{ width: "34%" }} />
                  <col style={{ width: "24%" }} />
                </colgroup>
                <thead>
                  <tr>
                    <th>{L.severity}</th>
                    <th>{L.cell}</th>
                    <th>{L.unit}</th>
                    <th>{L.rule}</th>
                    <th>{L.message}</th>
                    <th>{L.explanation}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.findings.map((f, i) => (
                    <tr key={i} data-cell={f.cell ?? undefined} data-severity={f.severity}>
                      <td>{SEVERITY_NAMES[f.severity][lang]}</td>
                      <td>{f.cell ?? (lang === "zh" ? "整表" : "sheet")}</td>
                      <td>{f.unit ?? ""}</td>
                      <td>{RULE_NAMES[f.rule][lang]}</td>
                      <td>{f.message[lang]}</td>
                      <td>{f.explanation?.text ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <footer>{L.footer}</footer>
          </section>
        );
      })}
    </div>
  );
}
