import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import * as codes from "./helpers/codes";
import { unitColumns } from "./helpers/columns";
import { RuleContext } from "./context";
import { DEF } from "./helpers/defs";
import { fixed } from "./helpers/format";
import { clean, Quantity, quantityOf, quantityText } from "./quantity";
import { Rule } from "./rule";
import { MAD_TO_SIGMA, medianInPlace } from "./helpers/stats";
import { detectUnitSlips } from "./unit-slip";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { M } = codes;

/** What an outlier finding states. Figures are in the column's unit. */
export interface Details {
  rule: "outlier";
  figure: Quantity;
  /** The column's median (unit rows, unit slips left out) and how many figures it was taken over. */
  median: Quantity;
  values: number;
  /** The robust z-score |x − median| / (1.4826·MAD), and the threshold it exceeds (config.thresholds.outlierZ). */
  z: number;
  threshold: number;
}

function message(s: Bilingual, d: Details): Bilingual {
  const vv = quantityText(d.figure);
  const mv = quantityText(d.median);
  const above = d.figure.value > d.median.value;
  return {
    zh: `${s.zh}：${vv.zh}明显${above ? "高于" : "低于"}本列中位数${mv.zh}（稳健Z值${fixed(d.z, 1)}，阈值${d.threshold}），请确认数据无误。`,
    en: `${s.en}: ${vv.en} is far ${above ? "above" : "below"} the column median ${mv.en} (robust z ${fixed(d.z, 1)}, threshold ${d.threshold}); please confirm.`,
  };
}

export const declaration = declareRule({
  id: "outlier",
  name: { zh: "异常值", en: "Outlier" },
  severities: ["info"],
  settings: ["thresholds.outlierZ", "thresholds.outlierMinValues"],
  description: {
    zh: "本列中的稳健离群值（中位数 / MAD），不含已判为单位错填的",
    en: "A robust outlier of its column (median / MAD), unit slips excepted.",
  },
});

/**
 * 提示性: a figure far from the rest of its column by a robust z-score, |x − median| / (1.4826·MAD) above
 * config.thresholds.outlierZ, in columns (本期, 上年同期; amounts and counts) of at least
 * config.thresholds.outlierMinValues unit figures. Median and MAD resist the outlier itself, unlike mean and
 * standard deviation. Unit slips are left out of the sample and not reported again. A column where most units
 * report the same figure (MAD 0) has no scale and is not checked.
 */
export const outlier: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const { outlierZ, outlierMinValues } = ctx.config.thresholds;
    const slips = detectUnitSlips(ctx);
    const findings: Finding[] = [];
    const columns = unitColumns(ctx);
    // Scratch buffers shared by all columns: big typed arrays per column would only feed the garbage collector.
    const size = columns.reduce((m, c) => Math.max(m, c.n), 0);
    const keep = new Int32Array(size);
    const buffer = new Float64Array(size);
    for (const c of columns) {
      if (c.measure !== M.current && c.measure !== M.previous) continue;
      // The sample: the column without its unit slips (indices kept to map back to cells).
      let n = 0;
      for (let i = 0; i < c.n; i++) {
        if (slips.size > 0 && slips.has(c.entry[i])) continue;
        keep[n++] = i;
      }
      if (n < Math.max(3, outlierMinValues)) continue;
      const work = buffer.subarray(0, n);
      for (let j = 0; j < n; j++) work[j] = c.values[keep[j]];
      const median = medianInPlace(work);
      for (let j = 0; j < n; j++) work[j] = Math.abs(c.values[keep[j]] - median);
      const mad = medianInPlace(work);
      if (!(mad > 0)) continue;
      const sigma = MAD_TO_SIGMA * mad;
      const limit = outlierZ * sigma;
      for (let j = 0; j < n; j++) {
        const v = c.values[keep[j]];
        if (!(Math.abs(v - median) > limit)) continue;
        const info = ctx.infoAt(c.entry[keep[j]]);
        const f = ctx.fieldAt(c.entry[keep[j]]);
        const z = Math.abs(v - median) / sigma;
        const min = Math.max(DEF[f.indicator].canBeNegative ? -Infinity : 0, median - limit);
        const details: Details = {
          rule: "outlier",
          figure: quantityOf(ctx, f, v),
          median: quantityOf(ctx, f, median),
          values: n,
          z: clean(z),
          threshold: outlierZ,
        };
        findings.push(
          ctx.finding({
            rule: "outlier",
            severity: "info",
            at: f,
            record: info,
            indicator: f.indicator,
            expected: { kind: "range", min: clean(ctx.inColumnUnit(f, min)), max: clean(ctx.inColumnUnit(f, median + limit)) },
            details,
            message: message(ctx.subject(f, info, f), details),
          }),
        );
      }
    }
    return findings;
  },
};
