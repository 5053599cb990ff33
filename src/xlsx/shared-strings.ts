import { WorkbookPackage } from "./package";
import { readStringItem } from "./xml";

/** The shared-string table (sharedStrings.xml): each <si>'s text, rich-text runs joined, in order. */
export async function readSharedStrings(pkg: WorkbookPackage, path: string | null): Promise<string[]> {
  if (!path) return [];
  const x = await pkg.textXml(path);
  if (!x) return [];
  const out: string[] = [];
  while (x.next()) {
    if (!x.closing && x.is("si")) out.push(readStringItem(x));
  }
  return out;
}
