/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import fs from "fs";
import path from "path";
import { FakePort } from "./fake-port";
import { halfYearSheet, notesSheet, SHEET } from "./fixtures";
import { checked, renderPane, userEvent } from "./render";


const INTERACTIVE = ["button", "combobox", "textbox", "checkbox", "radio", "spinbutton", "link", "switch", "slider", "listbox"] as const;

/** Renders the pane with everything open: results, one explanation editor and every collapsible section. */
async function renderEverything(): Promise<void> {
  const user = userEvent.setup();
  const port = new FakePort([notesSheet(), halfYearSheet()], { active: SHEET });
  renderPane(port);
  await checked();
  await user.click(screen.getByRole("radio", { name: "其他工作表" }));
  await user.click(screen.getByRole("button", { name: "插入公式列" }));
  await user.click(screen.getByRole("button", { name: "设置" }));
  await user.click(screen.getByRole("button", { name: "填写说明：H30" }));
}

function cssRules(): CSSRule[] {
  const rules: CSSRule[] = [];
  const walk = (list: CSSRuleList) => {
    for (const rule of Array.from(list)) {
      rules.push(rule);
      if ("cssRules" in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
  return rules;
}

/** Declarations that apply to an element through its (atomic) class names. */
function declarationsOf(element: Element, rules: CSSRule[]): string {
  const classes = new Set(Array.from(element.classList));
  return rules
    .filter((r): r is CSSStyleRule => "selectorText" in r && typeof (r as CSSStyleRule).selectorText === "string")
    .filter((r) => r.selectorText.split(",").some((s) => classes.has(s.trim().replace(/^\./, ""))))
    .map((r) => r.style.cssText)
    .join(" ");
}

describe("accessibility", () => {
  test("every interactive control has an accessible name", async () => {
    await renderEverything();
    let count = 0;
    for (const role of INTERACTIVE) {
      const all = screen.queryAllByRole(role);
      const named = screen.queryAllByRole(role, { name: /\S/ });
      expect(`${role}: ${all.length - named.length} unnamed`).toBe(`${role}: 0 unnamed`);
      count += all.length;
    }
    expect(count).toBeGreaterThan(40);
  });

  test("findings are native buttons in document tab order, with a visible focus style (Enter/Space: pane.test)", async () => {
    await renderEverything();
    const finding = screen.getByRole("button", { name: /^B23 / });
    expect(finding.tagName).toBe("BUTTON");
    expect(finding.getAttribute("tabindex")).toBeNull();
    // Fluent's focus outline: an ::after ring shown under [data-fui-focus-visible].
    const rules = cssRules();
    const focusRules = rules
      .filter((r): r is CSSStyleRule => "selectorText" in r)
      .filter((r) => Array.from(finding.classList).some((c) => r.selectorText.includes(`.${c}`) && r.selectorText.includes("data-fui-focus-visible")));
    expect(focusRules.length).toBeGreaterThan(0);
    // Tab order is document order: no positive tabindex anywhere, and the sequence of tabbable elements runs
    // report button → the three severity toggles → the first finding. (Tabster moves focus itself on Tab and
    // jsdom has no layout, so user.tab() cannot be used to walk it here.)
    expect(document.querySelectorAll("[tabindex]:not([tabindex='0']):not([tabindex='-1'])")).toHaveLength(0);
    const tabbable = Array.from(document.querySelectorAll<HTMLElement>("button, select, input, textarea, a[href], [tabindex='0']")).filter(
      (e) => !(e as HTMLButtonElement).disabled && e.getAttribute("tabindex") !== "-1",
    );
    const at = tabbable.indexOf(screen.getByRole("button", { name: "生成校验报告" }));
    expect(tabbable.slice(at + 1, at + 5).map((e) => (e.textContent ?? "").slice(0, 8))).toEqual(["强制性 1", "核实性 2", "提示性 2", "B23壁山区工作"]);
    finding.focus();
    expect(document.activeElement).toBe(finding);
  });

  test("usable at 320 px: rows wrap, no fixed width above 300 px, no horizontal overflow styles", async () => {
    await renderEverything();
    const rules = cssRules();
    const css = rules.map((r) => r.cssText).join("\n");
    const widths = [...css.matchAll(/(?:^|[;{\s])((?:min-|max-)?width|flex-basis)\s*:\s*(\d+(?:\.\d+)?)px/g)].map((m) => ({ prop: m[1], px: Number(m[2]) }));
    expect(widths.filter((w) => w.px > 300 && w.prop !== "max-width")).toEqual([]);
    expect(css).not.toMatch(/overflow-x\s*:\s*(scroll|auto)/);
    // The rows of buttons and fields wrap.
    for (const name of ["清除标记", "插入所选公式列", "保存设置"]) {
      const row = screen.getByRole("button", { name }).parentElement as HTMLElement;
      expect(declarationsOf(row, rules)).toMatch(/flex-wrap: wrap/);
    }
    expect(declarationsOf(screen.getByRole("main"), rules)).toMatch(/max-width: 100%/);
    // No inline fixed widths anywhere in the pane.
    const inline = Array.from(document.querySelectorAll<HTMLElement>("[style]")).map((e) => e.getAttribute("style") ?? "");
    expect(inline.filter((s) => /width:\s*\d{3,}px/.test(s))).toEqual([]);
  });

  test("colours come from Fluent tokens: no hard-coded colour in the pane's code", () => {
    const root = path.resolve(__dirname, "../../src/taskpane");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      expect(`${path.basename(file)}: ${(text.match(/#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(/g) ?? []).join(" ")}`).toBe(`${path.basename(file)}: `);
    }
  });
});
