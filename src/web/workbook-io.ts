/*
 * Reading and writing workbooks, in one module the page loads on demand (a separate chunk): the page is usable
 * — drop zone, 示例数据 — before it has arrived.
 */
import { attachExplanations } from "../core/explanations";
import { readWorkbook, writeAnnotatedCopy } from "../xlsx";
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
 * 核实说明 written during this session — one pass of the additive writer (the same as zs-check --out), which
 * copies every part of the file it does not touch. The file's own explanations sheet is copied as it is unless
 * the session changed the explanations.
 */
export async function annotatedCopy(s: PortSnapshot): Promise<Uint8Array> {
  // The session's explanations (saved after the check, too) give the report its 状态 and 核实说明.
  const results = s.results.map((r) => ({ sheet: r.sheet, findings: attachExplanations(r.findings, s.explanations) }));
  return writeAnnotatedCopy(s.bytes, results, {
    lang: s.reportLang,
    fileName: s.fileName,
    byteTools: hasDecompressionStream() ? webByteTools : undefined,
    explanations: s.explanationsChanged ? s.explanations : undefined,
    // Settings saved on the page travel in the copy, so zs-check and Excel check it the same way.
    settings: s.settingsChanged ? s.settings : undefined,
  });
}
