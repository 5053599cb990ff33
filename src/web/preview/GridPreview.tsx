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
    const headerHeight = rowHeight;
    const top = scrollToShow(el.scrollTop, selected.row * rowHeight, rowHeight, viewport.height - headerHeight, rowCount * rowHeight);
    let left = el.scrollLeft;
    if (selected.col >= 0 && selected.col < colCount) {
      const start = widths.slice(0, selected.col).reduce((a, b) => a + b, 0);
      left = scrollToShow(el.scrollLeft, start, widths[selected.col], viewport.width - ROW_HEADER_WIDTH, start + widths[selected.col]);
    }
    el.scrollTop = top;
    el.scrollLeft = left;
    setScrollTop(top);
    // When the page itself is scrolled (narrow layout), bring the preview into sight too.
    el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [target?.nonce, selected, rowCount, rowHeight, viewport.height, viewport.width, widths, colCount]);

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

  const { first, end } = visibleRows(scrollTop, viewport.height, rowHeight, rowCount);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const rows = [];
  for (let r = first; r < end; r++) {
    const values = grid.values[r] ?? [];
    const sheetRow = origin.row + r + 1;
    rows.push(
      <tr key={r} data-row={sheetRow} aria-rowindex={r + 2} className={hidden.has(r) ? "zs-grid-hidden-row" : undefined}>
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
          ].filter(Boolean);
          return (
            <td
              // Re-keying the selected cell restarts its flash animation on every click.
              key={isSelected ? `${cell.col}-${target?.nonce}` : cell.col}
              colSpan={cell.span > 1 ? cell.span : undefined}
              data-cell={address}
              data-severity={mark?.severity}
              className={classes.join(" ") || undefined}
              title={mark ? mark.title : text.length > 12 ? text : undefined}
              aria-selected={isSelected || undefined}
            >
              {text}
            </td>
          );
        })}
      </tr>,
    );
  }

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
              <th key={c} scope="col" className="zs-grid-colhead">
                {columnLetters(origin.col + c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" className="zs-grid-spacer">
              <td colSpan={colCount + 1} style={{ height: first * rowHeight }} />
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
