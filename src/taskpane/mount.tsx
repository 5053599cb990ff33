/**
 * Mounts the pane in a FluentProvider: light or dark theme after Office's theme inside Office, after the
 * browser's prefers-color-scheme outside. Used by the task pane entry (index.tsx) and the standalone page.
 */
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Pane } from "./Pane";
import { WorkbookPort } from "../app/port";

/** Relative luminance of "#rrggbb" (or "rrggbb"), 0 black … 1 white; null for anything else. */
export function luminance(color: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's body background when Office is there and says (desktop and web Excel do), else null. */
function officeBackground(): string | null {
  if (typeof Office === "undefined") return null;
  try {
    const theme = Office.context?.officeTheme;
    const color = theme ? theme.bodyBackgroundColor : undefined;
    return typeof color === "string" ? color : null;
  } catch {
    return null;
  }
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

function mediaDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;
}

export function prefersDark(): boolean {
  const office = officeBackground();
  const l = office === null ? null : luminance(office);
  return l !== null ? l < 0.18 : mediaDark();
}

function ThemedPane({ port }: { port: WorkbookPort }): JSX.Element {
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (officeBackground() !== null || typeof window === "undefined" || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(DARK_QUERY);
    const listener = () => setDark(prefersDark());
    query.addEventListener?.("change", listener);
    return () => query.removeEventListener?.("change", listener);
  }, []);
  const theme: Theme = dark ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <Pane port={port} />
    </FluentProvider>
  );
}

export function mountPane(element: HTMLElement, port: WorkbookPort): void {
  createRoot(element).render(<ThemedPane port={port} />);
}
