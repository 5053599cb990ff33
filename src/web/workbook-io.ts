/*
 * Everything that needs exceljs, in one module the page loads on demand (a separate chunk): the page is usable
 * — drop zone, 示例数据 — before the ~1 MB spreadsheet library has arrived.
 */
import { attachExplanations } from "../core/explanations";
import { readWorkbook, writeAnnotatedCopy, writeExplanations, writeSettingsSheet } from "../xlsx";
import { fromExcelJs } from "../xlsx/bytes";
import { loadChecked } from "../xlsx/load";
import { hasDecompressionStream, webByteTools } from "../xlsx/web-byte-tools";
import type { LoadedWorkbook, PortSnapshot } from "./memory-port";

/** Reads every worksheet into grids (limits were checked by the caller and are checked again inside). */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<LoadedWorkbook> {
  // The browser's own inflate; where a runtime lacks DecompressionStream (jsdom in tests) the default is used.
  const data = await readWorkbook(bytes, { fileName, byteTools: hasDecompressionStream() ? webByteTools : undefined });
  return { fileName, bytes, data };
}

/**
 * The annotated copy: the ORIGINAL bytes with the current findings marked and the 校验结果 sheet added, plus the
 * 核实说明 written during this session. writeAnnotatedCopy keeps the explanations the file already had (its hidden
 * sheet survives the round trip), so a second pass through exceljs is paid only when they changed.
 */
export async function annotatedCopy(s: PortSnapshot): Promise<Uint8Array> {
  // The session's explanations (saved after the check, too) give the report its 状态 and 核实说明.
  const results = s.results.map((r) => ({ sheet: r.sheet, findings: attachExplanations(r.findings, s.explanations) }));
  const marked = await writeAnnotatedCopy(s.bytes, results, { lang: s.reportLang, fileName: s.fileName });
  if (!s.explanationsChanged && !s.settingsChanged) return marked;
  // loadChecked, not a bare exceljs load: it keeps number formats as written (`0.00\%`), which exceljs would strip.
  const { wb } = await loadChecked(marked, undefined, s.fileName);
  if (s.explanationsChanged) writeExplanations(wb, s.explanations);
  // Settings saved on the page travel in the copy, so zs-check and Excel check it the same way.
  if (s.settingsChanged) writeSettingsSheet(wb, s.settings);
  return fromExcelJs(await wb.xlsx.writeBuffer());
}
