/*
 * Everything that needs exceljs, in one module the page loads on demand (a separate chunk) when a copy is
 * written: reading never needs it (workbook-reader.ts, in a worker), so a page that only checks never loads it.
 */
import { attachExplanations } from "../core/explanations";
import { writeAnnotatedCopy, writeExplanations } from "../xlsx";
import { fromExcelJs } from "../xlsx/bytes";
import { loadChecked } from "../xlsx/load";
import type { PortSnapshot } from "./memory-port";

/**
 * The annotated copy: the ORIGINAL bytes with the current findings marked and the 校验结果 sheet added, plus the
 * 核实说明 written during this session. writeAnnotatedCopy keeps the explanations the file already had (its hidden
 * sheet survives the round trip), so a second pass through exceljs is paid only when they changed.
 */
export async function annotatedCopy(s: PortSnapshot): Promise<Uint8Array> {
  // The session's explanations (saved after the check, too) give the report its 状态 and 核实说明.
  const results = s.results.map((r) => ({ sheet: r.sheet, findings: attachExplanations(r.findings, s.explanations) }));
  const marked = await writeAnnotatedCopy(s.bytes, results, { lang: s.reportLang, fileName: s.fileName });
  if (!s.explanationsChanged) return marked;
  // loadChecked, not a bare exceljs load: it keeps number formats as written (`0.00\%`), which exceljs would strip.
  const { wb } = await loadChecked(marked, undefined, s.fileName);
  writeExplanations(wb, s.explanations);
  return fromExcelJs(await wb.xlsx.writeBuffer());
}
