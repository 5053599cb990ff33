import { Severity } from "../core/findings";

/**
 * ANSI colours without a dependency: the CLI needs four of them. Colour is a property of the output stream, so the
 * decision is made once (useColor) and a Paint is passed down; formatters never look at process state.
 */
export interface Paint {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const SGR: Record<Severity, string> = {
  error: "31", // red: must be fixed
  verify: "33", // yellow: must be explained
  info: "34", // blue: worth a look
};

const wrap = (code: string, text: string): string => `\x1b[${code}m${text}\x1b[0m`;

export const COLOR: Paint = {
  severity: (severity, text) => wrap(SGR[severity], text),
  bold: (text) => wrap("1", text),
  dim: (text) => wrap("2", text),
};

export const PLAIN: Paint = {
  severity: (_severity, text) => text,
  bold: (text) => text,
  dim: (text) => text,
};

/**
 * Colour only for a person at a terminal: a pipe or a file gets plain text, so reports pasted into e-mails or read
 * by scripts carry no escape codes. NO_COLOR follows no-color.org: set to anything but the empty string, it wins.
 */
export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env.NO_COLOR;
  return isTTY && (noColor === undefined || noColor === "");
}

export function paintFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Paint {
  return useColor(isTTY, env) ? COLOR : PLAIN;
}
