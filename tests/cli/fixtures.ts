import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { chongqing } from "../../src/core/units";

/** The 41 units of the 2020 preset, in printing order. */
export const UNITS_2020: string[] = chongqing.unitsOf("chongqing-2020").map((u) => u.name);

export type Cell = string | number | null;

export interface CityTableOptions {
  title?: string;
  /** Rows as [unit, signed projects, contract amount, funds in place, contract target]. */
  rows?: Cell[][];
  sheetName?: string;
  withTotal?: boolean;
}

const OVERLAPPING = new Set(["两江新区", "重庆高新区"]);

/** Clean figures for unit i: plausible sizes, no outliers, 2 decimals. */
export function cleanRow(name: string, i: number): Cell[] {
  const contract = 40 + ((i * 7) % 23) + 0.25;
  return [name, 10 + (i % 9), contract, Math.round(contract * 40) / 100, Math.round(contract * 2.2 * 100) / 100];
}

export function cleanRows(): Cell[][] {
  return UNITS_2020.map((u, i) => cleanRow(u, i));
}

/**
 * The 41-unit table as city sheets look: a title naming the period, a unit line, one header row, a 全市 total row
 * first, then one row per unit. Header words are the ones the sheet reader knows (正式合同额, 到位资金, 年度目标).
 */
export function addCityTable(wb: ExcelJS.Workbook, options: CityTableOptions = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(options.sheetName ?? "汇总表");
  const rows = options.rows ?? cleanRows();
  ws.addRow([options.title ?? "2022年1-6月全市招商引资主要指标完成情况表"]);
  ws.addRow(["单位：亿元、个"]);
  ws.addRow(["区县", "签约项目数（个）", "正式合同额（亿元）", "到位资金（亿元）", "正式合同额年度目标（亿元）"]);
  if (options.withTotal ?? true) {
    // 两江新区 and 重庆高新区 overlap the districts they lie in: the city total leaves them out (domain.md).
    const sum = (k: number): number => {
      let s = 0;
      for (const r of rows) if (typeof r[k] === "number" && !OVERLAPPING.has(r[0] as string)) s += r[k] as number;
      return Math.round(s * 100) / 100;
    };
    ws.addRow(["全市", sum(1), sum(2), sum(3), sum(4)]);
  }
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** The planted issues: 渝中区 twice, 壁山区 (wall 壁) for 璧山区, "约95.1" as text, a 万元 slip (×10⁴). */
export function plantedRows(): Cell[][] {
  const rows = cleanRows();
  const at = (name: string): number => rows.findIndex((r) => r[0] === name);
  rows[at("璧山区")][0] = "壁山区";
  rows[at("江北区")][2] = "约95.1";
  rows[at("南岸区")][2] = (rows[at("南岸区")][2] as number) * 10000;
  rows.splice(at("大渡口区") + 1, 0, [...rows[at("渝中区")]]);
  return rows;
}

/** A single-district form: one unit row and no total, as districts send when each submits its own file. */
export function addDistrictTable(wb: ExcelJS.Workbook, unit: string, i = 0): ExcelJS.Worksheet {
  return addCityTable(wb, { rows: [cleanRow(unit, i)], withTotal: false, title: `2022年1-6月${unit}招商引资主要指标完成情况表` });
}

export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeWorkbook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  writeFileSync(file, await workbookBytes(build));
  return file;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "zs-check-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** run() in-process with string sinks; not a TTY and no NO_COLOR unless said otherwise. */
export async function runCli(
  argv: string[],
  cwd: string,
  io: Partial<Pick<CliIO, "isTTY" | "stderrIsTTY" | "env">> = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), columns: 100 },
    isTTY: io.isTTY ?? false,
    stderrIsTTY: io.stderrIsTTY,
    cwd,
    env: io.env ?? {},
  });
  return { code, stdout, stderr };
}

/**
 * The single-district form some districts send instead: indicators down the rows, 本期 / 上年同期 / 同比 /
 * 年度目标 / 完成年度目标 across, the unit named in the title and the 填报单位 line.
 */
export function addDistrictForm(wb: ExcelJS.Workbook, unit: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(unit);
  ws.addRow([`${unit}2022年1—6月招商引资情况表`]);
  ws.addRow([`填报单位：${unit}招商投资局`, null, null, null, "单位：亿元、个"]);
  ws.addRow(["指标", "本期", "上年同期", "同比", "年度目标", "完成年度目标"]);
  ws.addRow(["签约项目数（个）", 28, 25, 0.12, 50, 0.56]);
  ws.addRow(["正式合同额（亿元）", 400, 350, 0.1429, 800, 0.5]);
  ws.addRow(["到位资金（亿元）", 100, 90, 0.1111, 190, 0.5263]);
  return ws;
}
