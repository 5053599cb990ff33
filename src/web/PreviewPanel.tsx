import { SEVERITIES } from "../core/findings";
import { Lang } from "../core/i18n";
import type { MemoryWorkbookPort } from "./memory-port";
import { GridPreview } from "./preview/GridPreview";
import { PageText } from "./text";
import { usePortState } from "./usePortState";

/** The active sheet with the pane's marks, a colour legend and the sheet's size. */
export function PreviewPanel(props: { port: MemoryWorkbookPort; lang: Lang; text: PageText }) {
  const { port, lang, text } = props;
  const { active, grid, marks, target } = usePortState(port, lang);
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
