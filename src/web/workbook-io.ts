/*
 * Writing the annotated copy, in one module the page loads on demand (a separate chunk) when a copy is
 * downloaded: reading never needs it (workbook-reader.ts, in a worker).
 */
import { attachExplanations } from "../core/explanations";
import { writeAnnotatedCopy } from "../xlsx";
import { hasDecompressionStream, webByteTools } from "../xlsx/web-byte-tools";
import type { PortSnapshot } from "./memory-port";

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
