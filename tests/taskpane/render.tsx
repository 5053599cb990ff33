/**
 * Renders the pane as the task pane does (inside a FluentProvider) and waits until detection has finished.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, RenderResult, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Lang } from "../../src/core/i18n";
import { Pane } from "../../src/taskpane/Pane";
import { WorkbookPort } from "../../src/app/port";

// These tests drive a whole pane through jsdom; on a busy CI box a step can take seconds.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

import { installBrowserStubs } from "../support/jsdom-stubs";

export { installBrowserStubs };

export function renderPane(port: WorkbookPort, lang?: Lang): RenderResult {
  installBrowserStubs();
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane port={port} lang={lang} />
    </FluentProvider>,
  );
}

/** Waits until the sheet is read and its columns detected (the check button is enabled). */
export async function detected(name: RegExp | string = /一键校验|Check now/): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

export async function checked(): Promise<void> {
  const user = userEvent.setup();
  await user.click(await detected());
  await screen.findByRole("heading", { name: /校验结果|Results/ }, { timeout: 5000 });
}

export { userEvent };
