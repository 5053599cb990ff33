import { WorkbookPackage } from "./package";

/** A sheet as workbook.xml lists it, with its part resolved through the relationships. */
export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Part name inside the zip ("xl/worksheets/sheet1.xml"); null when the relationship is missing. */
  path: string | null;
  kind: "worksheet" | "chartsheet" | "other";
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  /** workbookPr date1904: serial numbers count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

interface Relationship {
  type: string;
  target: string;
}

/** Resolves a relationship target against the folder of the part that owns it (OPC, ECMA-376 Part 2 §9.3). */
function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

async function readRelationships(pkg: WorkbookPackage, ownerPath: string): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>();
  const x = await pkg.xml(relsPathOf(ownerPath));
  if (!x) return out;
  while (x.next()) {
    if (x.closing || !x.is("Relationship")) continue;
    const id = x.attr("Id");
    const target = x.attr("Target");
    if (id === null || target === null) continue;
    // External targets (hyperlinks, linked workbooks) are not parts of this package.
    if (x.asciiAttr("TargetMode") === "External") continue;
    out.set(id, { type: x.attr("Type") ?? "", target: resolveTarget(ownerPath, target) });
  }
  return out;
}

const typeEndsWith = (rel: Relationship | undefined, suffix: string): boolean => !!rel && rel.type.endsWith(`/${suffix}`);

/** Where the workbook part is: the package's officeDocument relationship, or the usual name. */
async function workbookPath(pkg: WorkbookPackage): Promise<string | null> {
  const root = await readRelationships(pkg, "");
  for (const rel of root.values()) {
    if (typeEndsWith(rel, "officeDocument") && pkg.has(rel.target)) return rel.target;
  }
  return pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

/** workbook.xml and its relationships: sheet names, order, visibility and parts. Null when there is no workbook. */
export async function readWorkbookPart(pkg: WorkbookPackage): Promise<WorkbookPart | null> {
  const path = await workbookPath(pkg);
  if (!path) return null;
  const rels = await readRelationships(pkg, path);
  const x = await pkg.xml(path);
  if (!x) return null;
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  while (x.next()) {
    if (x.closing) continue;
    if (x.is("workbookPr")) {
      const v = x.asciiAttr("date1904");
      date1904 = v === "1" || v === "true";
    } else if (x.is("sheet")) {
      const rel = rels.get(x.attr("id") ?? "");
      const state = x.asciiAttr("state");
      sheets.push({
        name: x.attr("name") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        path: rel && pkg.has(rel.target) ? rel.target : null,
        kind: typeEndsWith(rel, "worksheet") ? "worksheet" : typeEndsWith(rel, "chartsheet") ? "chartsheet" : "other",
      });
    }
  }
  const find = (suffix: string, fallback: string): string | null => {
    for (const rel of rels.values()) if (typeEndsWith(rel, suffix) && pkg.has(rel.target)) return rel.target;
    return pkg.has(fallback) ? fallback : null;
  };
  return { sheets, date1904, sharedStringsPath: find("sharedStrings", "xl/sharedStrings.xml"), stylesPath: find("styles", "xl/styles.xml") };
}
