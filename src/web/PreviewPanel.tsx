import { useMemo } from "react";
import { SEVERITIES } from "../core/findings";
import { CheckSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";
import { detectModel } from "../taskpane/detect";
import { Lang } from "../core/i18n";
import type { MemoryWorkbookPort } from "./memory-port";
import { GridPreview } from "./preview/GridPreview";
import { PageText } from "./text";
import { usePortState } from "./usePortState";

/** The active sheet with the pane's marks, a colour legend and the sheet's size. */
export function PreviewPanel(props: { port: MemoryWorkbookPort; lang: Lang; text: PageText }) {
  const { port, lang, text } = props;
  const { active, grid, marks, target } = usePortState(port, lang);
  const frozen = useMemo(() => (grid ? frozenPanes(grid, port.snapshot().settings) : undefined), [grid, port]);
  return (
    <section className="zs-preview" aria-label={text.preview(active)}>
      <div className="zs-preview-bar">
        <h2>{text.preview(active)}</h2>
        {grid && <span className="zs-muted">{text.rows(grid.values.length)}</span>}
        <span className="zs-legend" aria-label={text.legend}>
          {SEVERITIES.map((s) => (
            <span key={s} className="zs-legend-item">
              <span className={`zs-swatch zs-sev-${s}`} aria-hidden="true" />
              {text.severity[s]}
            </span>
          ))}
        </span>
      </div>
      <div className="zs-preview-body">
        {grid && (
          <GridPreview
            grid={grid}
            marks={marks}
            target={target}
            label={text.preview(active)}
            emptyText={text.emptySheet}
            frozen={frozen}
            onPick={(cell) => {
              port.pickCell(active, cell);
              void port.selectCell(active, cell);
            }}
          />
        )}
      </div>
    </section>
  );
}

/**
 * The panes to freeze in the preview. The reader does not keep the file's own frozen panes, so they are derived
 * as a statistician sets them: everything down to the last header row, and the columns up to the unit names.
 */
export function frozenPanes(grid: SheetGrid, settings: CheckSettings): { rows: number; cols: number } {
  try {
    const model = detectModel(grid, settings);
    const rows = model.headerRows.length > 0 ? Math.max(...model.headerRows) + 1 : 0;
    const cols = model.nameColumn !== null ? model.nameColumn + 1 : 0;
    return { rows, cols };
  } catch {
    // A sheet the reader cannot make sense of is shown without frozen panes.
    return { rows: 0, cols: 0 };
  }
}
