/** @jest-environment jsdom */
import "./support/node-globals";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkExplanation } from "../../src/core/explanations";
import { RULE_NAMES, RuleId } from "../../src/core/findings";
import { FakePort } from "../taskpane/fake-port";
import { halfYearSheet } from "../taskpane/fixtures";
import { Pane } from "../../src/taskpane/Pane";
import { UsageGuide } from "../../src/taskpane/components/UsageGuide";
import { App } from "../../src/web/App";
import { installBrowserStubs } from "./support/browser-stubs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

beforeAll(installBrowserStubs);

test("the guide names the three levels and every rule with an example, in Chinese", () => {
  const { container } = render(<UsageGuide lang="zh" />);
  for (const level of ["强制性", "核实性", "提示性"]) expect(screen.getByText(level)).toBeTruthy();
  const rules = [...container.querySelectorAll<HTMLElement>("[data-rule]")];
  expect(rules.map((r) => r.dataset.rule).sort()).toEqual(Object.keys(RULE_NAMES).sort());
  for (const r of rules) {
    expect(r.querySelector("dt")!.textContent).toBe(RULE_NAMES[r.dataset.rule as RuleId].zh);
    expect(r.querySelector("dd")!.textContent).toMatch(/例：.+/);
  }
});

test("the guide's good explanations are accepted and its bad ones refused, as the pane judges them", () => {
  render(<UsageGuide lang="zh" />);
  const good = within(screen.getByText("可以：").nextElementSibling as HTMLElement).getAllByRole("listitem");
  expect(good.length).toBeGreaterThan(0);
  for (const li of good) expect(checkExplanation(li.textContent ?? "").ok).toBe(true);
  const bad = (screen.getByText(/^不可以：/).textContent ?? "").match(/“([^”]+)”/g)!.map((q) => q.slice(1, -1));
  expect(bad.length).toBeGreaterThan(0);
  for (const text of bad) expect(checkExplanation(text).ok).toBe(false);
});

test("the guide is available in English", () => {
  render(<UsageGuide lang="en" />);
  expect(screen.getByRole("heading", { name: "How to use" })).toBeTruthy();
  expect(screen.getByText("Error")).toBeTruthy();
});

test("the page's 使用说明 button opens and closes the guide", async () => {
  const user = userEvent.setup();
  render(<App lang="zh" store={null} />);
  const button = screen.getByRole("button", { name: "使用说明" });
  expect(button.getAttribute("aria-expanded")).toBe("false");
  await user.click(button);
  expect(screen.getByRole("article", { name: "使用说明" })).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "关闭使用说明" }));
  expect(screen.queryByRole("article", { name: "使用说明" })).toBeNull();
});

test("the pane has the same guide as a section of its own", async () => {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane port={new FakePort([halfYearSheet()])} lang="zh" />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("button", { name: "使用说明" }));
  expect(await screen.findByRole("article", { name: "使用说明" })).toBeTruthy();
});
