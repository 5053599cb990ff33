import { Bilingual, Lang } from "../core/i18n";
import { CliIO } from "./io";
import { escapeControls } from "./terminal-text";

/** Every diagnostic line starts with the program's name, as Unix tools do, so it stands out in a script's log. */
export function say(io: CliIO, lang: Lang, message: Bilingual, program = "zs-check"): void {
  // File and sheet names in a message come from the user's disk and workbooks: shown, never interpreted.
  io.stderr.write(`${program}: ${escapeControls(message[lang])}\n`);
}
