/** @jest-environment jsdom */
import { act, fireEvent, render } from "@testing-library/react";
import { CellValue } from "../../src/core/numbers";
import { SheetGrid } from "../../src/core/sheet/types";
import { CellMark, GridPreview } from "../../src/web/preview/GridPreview";
import { columnWidths, formatCell, visibleRows } from "../../src/web/preview/layout";
import { cssColor, PREVIEW_CSS } from "../../src/web/preview/styles";
import { SEVERITY_FILL_ARGB } from "../../src/xlsx/severity-style";

const ROW_HEIGHT = 24;

function bigGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [["区县", "签约项目数", "正式合同额"]];
  for (let i = 1; i < rows; i++) values.push([`单位${i}`, i, i * 1.5]);
  // The used range starts at B3 in the real sheet, as a table under a title would.
  return { name: "大表", values, origin: { row: 2, col: 1 } };
}

function renderedRows(container: HTMLElement): number[] {
  return [...container.querySelectorAll("tbody tr[data-row]")].map((tr) => Number(tr.getAttribute("data-row")));
}

function scroller(container: HTMLElement): HTMLDivElement {
  return container.querySelector(".zs-grid-scroller") as HTMLDivElement;
}

const noMarks = new Map<string, CellMark>();

test("a 10,000-row sheet renders only the rows around the viewport, with A1 headers from the sheet's origin", () => {
  const { container } = render(
    <GridPreview grid={bigGrid(10_000)} marks={noMarks} target={null} label="预览" emptyText="空" fallbackHeight={480} />,
  );
  const rows = renderedRows(container);
  // 480 px of 24 px rows = 20, plus the overscan below; nothing near the 10,000th row.
  expect(rows.length).toBeLessThanOrEqual(30);
  expect(rows[0]).toBe(3);
  const colHeads = [...container.querySelectorAll("thead th[scope=col]")].map((th) => th.textContent);
  expect(colHeads).toEqual(["B", "C", "D"]);
  expect(container.querySelector('td[data-cell="B3"]')?.textContent).toBe("区县");
  // The spacer below stands in for the rest, so the scrollbar is the full sheet's.
  const spacers = container.querySelectorAll("tr.zs-grid-spacer td");
  const below = spacers[spacers.length - 1] as HTMLElement;
  expect(parseInt(below.style.height, 10)).toBe((10_000 - rows.length) * ROW_HEIGHT);
});

test("scrolling renders the rows then in view and drops the others", () => {
  const { container } = render(
    <GridPreview grid={bigGrid(10_000)} marks={noMarks} target={null} label="预览" emptyText="空" fallbackHeight={480} />,
  );
  const el = scroller(container);
  act(() => {
    el.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(el);
  });
  const rows = renderedRows(container);
  expect(rows.length).toBeLessThanOrEqual(40);
  // grid row 5,000 is sheet row 5,003 (origin row 2, 1-based rows).
  expect(rows).toContain(5_003);
  expect(rows).not.toContain(3);
});

test("cells carry their finding's severity class, colour from the annotated copy's fills, and the messages", () => {
  const marks = new Map<string, CellMark>([
    ["C4", { severity: "error", title: "强制性：负数" }],
    ["D5", { severity: "verify", title: "核实性：请说明" }],
    ["B6", { severity: "info", title: "提示性：文本数字" }],
  ]);
  const { container } = render(<GridPreview grid={bigGrid(50)} marks={marks} target={null} label="预览" emptyText="空" />);
  const c4 = container.querySelector('td[data-cell="C4"]') as HTMLElement;
  expect(c4.className).toContain("zs-sev-error");
  expect(c4.getAttribute("title")).toBe("强制性：负数");
  expect(container.querySelector('td[data-cell="D5"]')!.className).toContain("zs-sev-verify");
  expect(container.querySelector('td[data-cell="B6"]')!.className).toContain("zs-sev-info");
  expect(container.querySelectorAll("td[class*=zs-sev-]")).toHaveLength(3);
  for (const [severity, argb] of Object.entries(SEVERITY_FILL_ARGB)) {
    expect(PREVIEW_CSS).toContain(`.zs-sev-${severity}{background:${cssColor(argb)}`);
  }
});

test("a target far down is scrolled into view and outlined; a second click on it re-flashes", () => {
  const grid = bigGrid(10_000);
  const { container, rerender } = render(
    <GridPreview grid={grid} marks={noMarks} target={null} label="预览" emptyText="空" fallbackHeight={480} />,
  );
  rerender(<GridPreview grid={grid} marks={noMarks} target={{ cell: "C8003", nonce: 1 }} label="预览" emptyText="空" fallbackHeight={480} />);
  expect(renderedRows(container)).toContain(8_003);
  const cell = container.querySelector('td[data-cell="C8003"]') as HTMLElement;
  expect(cell.className).toContain("zs-grid-selected");
  expect(cell.getAttribute("aria-selected")).toBe("true");
  // Centred: the target's row is in the middle of the rendered window, not at its edge.
  const rows = renderedRows(container);
  expect(rows[0]).toBeLessThan(8_003 - 5);
  expect(rows[rows.length - 1]).toBeGreaterThan(8_003 + 5);

  rerender(<GridPreview grid={grid} marks={noMarks} target={{ cell: "C8003", nonce: 2 }} label="预览" emptyText="空" fallbackHeight={480} />);
  const again = container.querySelector('td[data-cell="C8003"]') as HTMLElement;
  expect(again).not.toBe(cell);
  expect(again.className).toContain("zs-grid-selected");
});

test("merged titles span their columns; spilled footers do not widen their column", () => {
  const grid: SheetGrid = {
    name: "表",
    values: [
      ["2022年1—6月全市招商引资主要指标完成情况表", null, null],
      ["区县", "签约项目数", "正式合同额"],
      ["渝中区", 148, 353.21],
      ["填表人：王芳    审核人：李强    联系电话：023-6000 0000", null, null],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  };
  const { container } = render(<GridPreview grid={grid} marks={noMarks} target={null} label="预览" emptyText="空" />);
  const title = container.querySelector('td[data-cell="A1"]') as HTMLElement;
  expect(title.getAttribute("colspan")).toBe("3");
  expect(container.querySelector('td[data-cell="B1"]')).toBeNull();
  expect(container.querySelector('td[data-cell="A4"]')!.className).toContain("zs-grid-spill");
  expect(columnWidths(grid)[0]).toBeLessThanOrEqual(96);
});

test("an empty sheet says so", () => {
  const { getByRole } = render(<GridPreview grid={{ name: "空", values: [] }} marks={noMarks} target={null} label="预览" emptyText="此工作表没有数据。" />);
  expect(getByRole("status").textContent).toBe("此工作表没有数据。");
});

test("layout helpers: visible window, cell text as Excel shows it", () => {
  expect(visibleRows(0, 480, 24, 10_000)).toEqual({ first: 0, end: 28 });
  expect(visibleRows(24 * 100, 480, 24, 10_000)).toEqual({ first: 92, end: 128 });
  expect(visibleRows(0, 480, 24, 5)).toEqual({ first: 0, end: 5 });
  expect(formatCell(0.2104, "0.00%")).toBe("21.04%");
  expect(formatCell(1260000, "0.00")).toBe("1260000.00");
  expect(formatCell(1234567.5, "#,##0.0")).toBe("1,234,567.5");
  expect(formatCell(0.1 + 0.2, null)).toBe("0.3");
  expect(formatCell("约142.21", null)).toBe("约142.21");
  expect(formatCell(null, null)).toBe("");
  expect(formatCell(new Date(Date.UTC(2022, 6, 8)), "yyyy-mm-dd")).toBe("2022-07-08");
});
