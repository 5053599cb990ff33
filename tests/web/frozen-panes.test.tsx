/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { act, fireEvent, render } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx";
import { frozenPanes } from "../../src/web/PreviewPanel";
import { GridPreview } from "../../src/web/preview/GridPreview";
import { installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");

beforeAll(installBrowserStubs);

test("the example's title and header rows and its columns up to the unit names are frozen", async () => {
  const data = await readWorkbook(new Uint8Array(fs.readFileSync(EXAMPLE)));
  const grid = data.sheets[0];
  const frozen = frozenPanes(grid, DEFAULT_SETTINGS);
  expect(frozen.rows).toBeGreaterThan(0);
  expect(frozen.cols).toBeGreaterThan(0);
  // The last frozen row is a header (the row below it starts the units), the last frozen column holds 全市/unit names.
  const names = grid.values.slice(frozen.rows).map((r) => String(r[frozen.cols - 1] ?? ""));
  expect(names.some((n) => /全市|区|县/.test(n))).toBe(true);
});

test("frozen header rows and name column stay rendered, sticky, while the sheet scrolls far down", async () => {
  const data = await readWorkbook(new Uint8Array(fs.readFileSync(EXAMPLE)));
  const base = data.sheets[0];
  const frozen = frozenPanes(base, DEFAULT_SETTINGS);
  // The example made long: its data rows repeated, so that scrolling takes the header out of a plain table.
  const body = base.values.slice(frozen.rows);
  const grid = { ...base, values: [...base.values, ...Array.from({ length: 40 }, () => body).flat()], numberFormats: undefined, merges: base.merges };
  const { container } = render(
    <GridPreview grid={grid} marks={new Map()} target={null} label="预览" emptyText="空" fallbackHeight={480} frozen={frozen} />,
  );
  const el = container.querySelector(".zs-grid-scroller") as HTMLElement;
  act(() => {
    el.scrollTop = 600 * 24;
    fireEvent.scroll(el);
  });
  const frozenRows = [...container.querySelectorAll<HTMLElement>("thead tr.zs-grid-frozen-row")];
  expect(frozenRows.map((r) => Number(r.dataset.row))).toEqual(Array.from({ length: frozen.rows }, (_, i) => (base.origin?.row ?? 0) + i + 1));
  // The body holds rows from far down only: the header is not repeated in it.
  const bodyRows = [...container.querySelectorAll<HTMLElement>("tbody tr[data-row]")].map((r) => Number(r.dataset.row));
  expect(Math.min(...bodyRows)).toBeGreaterThan(500);
  // The unit-name column of a body row is sticky at the left, right of the row numbers.
  const nameCell = container.querySelector<HTMLElement>(`tbody tr[data-row] td.zs-grid-frozen-col`);
  expect(nameCell).not.toBeNull();
  expect(nameCell!.style.left).toBe("52px");
});
