import type React from "react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Severity } from "../../core/findings";
import { columnLetters, parseA1 } from "../../core/sheet/a1";
import { SheetGrid } from "../../core/sheet/types";
import { columnWidths, formatCell, isBlank, mergesByRow, rowCells, scrollToShow, visibleRows } from "./layout";
import { PREVIEW_CSS } from "./styles";

/** What the pane marked on a cell: its most severe finding and the messages to show on hover. */
export interface CellMark {
  severity: Severity;
  title: string;
}

export interface GridPreviewProps {
  grid: SheetGrid;
  /** Marks by A1 address ("C7", no "$"). */
  marks: ReadonlyMap<string, CellMark>;
  /** The cell to scroll to and outline; a new nonce re-runs it for the same cell (a second click flashes again). */
  target: { cell: string; nonce: number } | null;
  label: string;
  emptyText: string;
  /**
   * Rows at the top and columns at the left that stay in view while scrolling, as Excel's frozen panes: the
   * title and header rows, and the columns up to the unit names (the page derives them from the sheet's model).
   */
  frozen?: { rows: number; cols: number };
  /** A marked cell was clicked: the page selects its finding in the pane's list. */
  onPick?: (cell: string) => void;
  rowHeight?: number;
  /** Viewport height to assume until the real one is measured (and in environments without layout). */
  fallbackHeight?: number;
}

const ROW_HEADER_WIDTH = 52;

/**
 * A read-only sheet view that renders only the rows in (and just around) the viewport, so a 10,000-row sheet
 * costs as much as a 40-row one. Rows have a fixed height; column and row headers stay in place while scrolling.
 */
export function GridPreview(props: GridPreviewProps) {
  const { grid, marks, target, label, emptyText } = props;
  const rowHeight = props.rowHeight ?? 24;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState({ height: props.fallbackHeight ?? 480, width: 800 });

  const origin = grid.origin ?? { row: 0, col: 0 };
  const rowCount = grid.values.length;
  const widths = useMemo(() => columnWidths(grid), [grid]);
  const colCount = widths.length;
  // Never more frozen than leaves room to scroll: at most 8 rows and 3 columns, and never all of them.
  const frozenRows = Math.max(0, Math.min(props.frozen?.rows ?? 0, 8, rowCount - 1));
  const frozenCols = Math.max(0, Math.min(props.frozen?.cols ?? 0, 3, colCount - 1));
  const frozenLeft = useMemo(() => {
    const out = [ROW_HEADER_WIDTH];
    for (let c = 0; c < frozenCols; c++) out.push(out[c] + widths[c]);
    return out;
  }, [widths, frozenCols]);
  const frozenWidth = frozenLeft[frozenCols] - ROW_HEADER_WIDTH;
  const bodyCount = rowCount - frozenRows;
  const headHeight = (frozenRows + 1) * rowHeight;
  const merges = useMemo(() => mergesByRow(grid.merges), [grid]);
  const hidden = useMemo(() => new Set(grid.hiddenRows ?? []), [grid]);
  const selected = useMemo(() => {
    const pos = target ? parseA1(target.cell) : null;
    return pos ? { row: pos.row - origin.row, col: pos.col - origin.col } : null;
  }, [target, origin.row, origin.col]);

  // A new sheet starts at its top.
  useEffect(() => {
    if (scroller.current) {
      scroller.current.scrollTop = 0;
      scroller.current.scrollLeft = 0;
    }
    setScrollTop(0);
  }, [grid]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      // jsdom (and a hidden container) report 0: keep the assumed size rather than render nothing.
      if (el.clientHeight > 0) setViewport({ height: el.clientHeight, width: el.clientWidth });
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Scroll the clicked finding's cell into view (centred if it was off screen), then outline and flash it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !selected || selected.row < 0 || selected.row >= rowCount) return;
    // Frozen rows and columns are always in view; the others scroll in the space the frozen ones leave.
    const top =
      selected.row < frozenRows
        ? el.scrollTop
        : scrollToShow(el.scrollTop, (selected.row - frozenRows) * rowHeight, rowHeight, viewport.height - headHeight, bodyCount * rowHeight);
    let left = el.scrollLeft;
    if (selected.col >= frozenCols && selected.col < colCount) {
      const start = widths.slice(0, selected.col).reduce((a, b) => a + b, 0) - frozenWidth;
      left = scrollToShow(el.scrollLeft, start, widths[selected.col], viewport.width - ROW_HEADER_WIDTH - frozenWidth, start + widths[selected.col]);
    }
    el.scrollTop = top;
    el.scrollLeft = left;
    setScrollTop(top);
    // When the page itself is scrolled (narrow layout), bring the preview into sight too.
    el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [target?.nonce, selected, rowCount, rowHeight, viewport.height, viewport.width, widths, colCount, frozenRows, frozenCols, frozenWidth, headHeight, bodyCount]);

  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  if (rowCount === 0) {
    return (
      <>
        <style>{PREVIEW_CSS}</style>
        <div className="zs-grid-empty" role="status">
          {emptyText}
        </div>
      </>
    );
  }

  const visible = visibleRows(scrollTop, viewport.height - headHeight, rowHeight, bodyCount);
  const first = visible.first + frozenRows;
  const end = visible.end + frozenRows;
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const renderRow = (r: number) => {
    const values = grid.values[r] ?? [];
    const sheetRow = origin.row + r + 1;
    const frozenRow = r < frozenRows;
    const rowClasses = [hidden.has(r) ? "zs-grid-hidden-row" : "", frozenRow ? "zs-grid-frozen-row" : ""].filter(Boolean);
    return (
      <tr
        key={r}
        data-row={sheetRow}
        aria-rowindex={r + 2}
        className={rowClasses.join(" ") || undefined}
        style={frozenRow ? ({ "--zs-top": `${(r + 1) * rowHeight}px` } as React.CSSProperties) : undefined}
      >
        <th scope="row" className="zs-grid-rowhead">
          {sheetRow}
        </th>
        {rowCells(r, colCount, merges).map((cell, i, cells) => {
          const address = `${columnLetters(origin.col + cell.col)}${sheetRow}`;
          const mark = cell.master ? marks.get(address) : undefined;
          const isSelected = selected !== null && selected.row === r && cell.col <= selected.col && selected.col < cell.col + cell.span;
          const value = values[cell.col];
          const text = cell.master ? formatCell(value, grid.numberFormats?.[r]?.[cell.col]) : "";
          // Text may run over an empty, unmerged right neighbour, as in Excel (a footer line, a note); numbers never do.
          const next = cells[i + 1];
          const spill =
            typeof value === "string" && text !== "" && !cell.merged && next !== undefined && !next.merged && isBlank(values[next.col]);
          const classes = [
            mark ? `zs-sev-${mark.severity}` : "",
            cell.merged ? "zs-grid-merged" : "",
            isSelected ? "zs-grid-selected" : "",
            spill ? "zs-grid-spill" : "",
            typeof value === "number" && !cell.merged ? "zs-grid-num" : "",
            cell.col + cell.span <= frozenCols ? "zs-grid-frozen-col" : "",
          ].filter(Boolean);
          return (
            <td
              // Re-keying the selected cell restarts its flash animation on every click.
              key={isSelected ? `${cell.col}-${target?.nonce}` : cell.col}
              colSpan={cell.span > 1 ? cell.span : undefined}
              data-cell={address}
              data-severity={mark?.severity}
              className={classes.join(" ") || undefined}
              style={cell.col + cell.span <= frozenCols ? { left: frozenLeft[cell.col] } : undefined}
              title={mark ? mark.title : text.length > 12 ? text : undefined}
              aria-selected={isSelected || undefined}
            >
              {text}
            </td>
          );
        })}
      </tr>
    );
  };
  const frozenRowsRendered = [];
  for (let r = 0; r < frozenRows; r++) frozenRowsRendered.push(renderRow(r));
  const rows = [];
  for (let r = first; r < end; r++) rows.push(renderRow(r));

  return (
    <div ref={scroller} className="zs-grid-scroller" onScroll={onScroll} tabIndex={0} aria-label={label} role="region">
      <style>{PREVIEW_CSS}</style>
      <table
        className="zs-grid"
        onClick={(e) => {
          // One handler for every cell: only marked cells (those with a finding) answer.
          const td = (e.target as HTMLElement).closest?.("td[data-severity]") as HTMLElement | null;
          if (td?.dataset.cell) props.onPick?.(td.dataset.cell);
        }}
        style={{ width: totalWidth }} aria-rowcount={rowCount + 1} aria-colcount={colCount + 1}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: rowHeight }}>
            <th className="zs-grid-corner" aria-hidden="true" />
            {widths.map((_, c) => (
              <th
                key={c}
                scope="col"
                className={c < frozenCols ? "zs-grid-colhead zs-grid-frozen-col" : "zs-grid-colhead"}
                style={c < frozenCols ? { left: frozenLeft[c] } : undefined}
              >
                {columnLetters(origin.col + c)}
              </th>
            ))}
          </tr>
          {frozenRowsRendered}
        </thead>
        <tbody>
          {first > frozenRows && (
            <tr aria-hidden="true" className="zs-grid-spacer">
              <td colSpan={colCount + 1} style={{ height: (first - frozenRows) * rowHeight }} />
            </tr>
          )}
          {rows}
          {end < rowCount && (
            <tr aria-hidden="true" className="zs-grid-spacer">
              <td colSpan={colCount + 1} style={{ height: (rowCount - end) * rowHeight }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
