import fs from "node:fs";
import path from "node:path";

/** Test support for the checks that let LibreOffice (Debian's soffice) open our files. Not a test file. */

/** The soffice on PATH, or null (the checks that need it then say so and check what they can without it). */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (dir !== "" && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** RFC 4180 enough for LibreOffice's output: quoted fields with doubled quotes, no line breaks inside. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(",", i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}
