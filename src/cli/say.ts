import { Bilingual, Lang } from "../core/i18n";
import { CliIO } from "./io";

/** Every diagnostic line starts with the program's name, as Unix tools do, so it stands out in a script's log. */
export function say(io: CliIO, lang: Lang, message: Bilingual): void {
  io.stderr.write(`zs-check: ${message[lang]}\n`);
}
