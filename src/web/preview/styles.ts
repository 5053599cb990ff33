import { SEVERITIES } from "../../core/findings";
import { severityFillArgb } from "../../app/workbook-style";

/** "FFFFC7CE" (exceljs ARGB) → "#FFC7CE". */
export function cssColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/**
 * The preview's fills are the annotated copy's (src/app/workbook-style.ts), so the page shows the
 * colours the downloaded workbook will have. Black text on all three, as in the copy; the colours stay in a dark
 * browser theme because they stand for cell fills, not page chrome.
 */
const severityRules = SEVERITIES.map((s) => `.zs-sev-${s}{background:${cssColor(severityFillArgb(s))};color:#000}`).join("\n");

export const PREVIEW_CSS = `
.zs-grid-scroller{position:relative;overflow:auto;height:100%;min-height:240px;background:#fff;color:#1b1b1b;
  border:1px solid #d1d1d1;border-radius:4px;outline-offset:-2px}
.zs-grid{border-collapse:separate;border-spacing:0;table-layout:fixed;font-size:12px;
  font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei","Noto Sans CJK SC","Segoe UI",sans-serif}
.zs-grid td,.zs-grid th{box-sizing:border-box;height:24px;padding:0 4px;line-height:23px;white-space:nowrap;overflow:hidden;
  text-overflow:ellipsis;border-right:1px solid #e6e6e6;border-bottom:1px solid #e6e6e6}
.zs-grid thead th{position:sticky;top:0;z-index:2;background:#f3f3f3;color:#424242;font-weight:normal;text-align:center}
.zs-grid th.zs-grid-rowhead{position:sticky;left:0;z-index:1;background:#f3f3f3;color:#424242;font-weight:normal;text-align:center}
.zs-grid thead th.zs-grid-corner{left:0;z-index:3}
.zs-grid tr.zs-grid-frozen-row td,.zs-grid tr.zs-grid-frozen-row th{position:sticky;top:var(--zs-top);z-index:2;
  font-weight:normal}
:where(.zs-grid tr.zs-grid-frozen-row td),:where(.zs-grid td.zs-grid-frozen-col){background:#fff}
.zs-grid tr.zs-grid-frozen-row th.zs-grid-rowhead{z-index:3}
.zs-grid tr.zs-grid-frozen-row:last-child td,.zs-grid tr.zs-grid-frozen-row:last-child th{border-bottom:2px solid #c8c8c8}
.zs-grid td.zs-grid-frozen-col{position:sticky;z-index:1}
.zs-grid tr.zs-grid-frozen-row td.zs-grid-frozen-col,.zs-grid thead th.zs-grid-frozen-col{z-index:3}
.zs-grid td.zs-grid-merged{text-align:center}
.zs-grid td.zs-grid-num{text-align:right}
.zs-grid td.zs-grid-spill{overflow:visible;text-overflow:clip}
.zs-grid tr.zs-grid-spacer td{padding:0;border:0}
.zs-grid tr.zs-grid-hidden-row{color:#8a8a8a}
${severityRules}
.zs-grid td[data-severity]{cursor:pointer}
.zs-grid td.zs-grid-selected{outline:2px solid #0f6cbd;outline-offset:-2px;animation:zs-flash 0.9s ease-out 2}
@keyframes zs-flash{0%{box-shadow:inset 0 0 0 40px rgba(15,108,189,0.45)}100%{box-shadow:inset 0 0 0 40px rgba(15,108,189,0)}}
@media (prefers-reduced-motion:reduce){.zs-grid td.zs-grid-selected{animation:none}}
.zs-grid-empty{padding:24px;color:#616161}
`;
