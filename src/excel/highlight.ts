import { Finding, Severity } from "../core/findings";
import { Lang } from "../core/i18n";
import { normalizeCell, splitAreas, stripSheet } from "./addresses";
import { withEventsSuspended } from "./batch";
import { noConditionalFormats } from "./errors";
import { markFormula, markOf, planMarks, SEVERITY_FILL } from "./marks";
import { isOurNote, MAX_NOTES, noteText } from "./notes";
import { Requirements } from "./requirements";

/*
 * Requests per sheet, whatever the number of findings:
 *   1. load the sheet's conditional formats (type) and notes (content);
 *   2. load the rule formula of the Custom ones (and where the user's own notes are) — skipped when there is none;
 *   3. delete our old formats and notes, add the new ones.
 * Two levels of loading are needed because a format's `custom` property may only be read on a Custom format:
 * loading "items/custom/rule/formula" over a collection that also holds a colour scale fails the whole request
 * (office-js issue #2180), so the types come first.
 */

/** Add at most this many extra formats per severity when RangeAreas (ExcelApi 1.9) is missing and each area needs its own. */
const MAX_FALLBACK_FORMATS = 300;

interface Scan {
  ws: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
  notes: Excel.NoteCollection | null;
}

interface Details {
  rules: { format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[];
  ourNotes: Excel.Note[];
  userNoteLocations: Excel.Range[];
}

interface Marks {
  ourFormats: Excel.ConditionalFormat[];
  ourNotes: Excel.Note[];
  /** Cells (normalised A1) holding a note of the user's: ours is never put there. */
  userNoteCells: Set<string>;
}

/** Request 1: what formats and notes the sheet has. */
function queueScan(ws: Excel.Worksheet, withNotes: boolean): Scan {
  // The whole sheet's range: its conditionalFormats are every format that touches the sheet.
  const formats = ws.getRange().conditionalFormats;
  formats.load("type");
  let notes: Excel.NoteCollection | null = null;
  if (withNotes) {
    notes = ws.notes;
    notes.load("content");
  }
  return { ws, formats, notes };
}

/** Request 2: the rule formulas of Custom formats; where the user's notes are, when we are about to add ours. */
function queueDetails(scan: Scan, needUserNoteCells: boolean): Details {
  const rules = scan.formats.items
    .filter((f) => f.type === "Custom")
    .map((format) => {
      const rule = format.custom.rule;
      rule.load("formula");
      return { format, rule };
    });
  const ourNotes: Excel.Note[] = [];
  const userNoteLocations: Excel.Range[] = [];
  for (const note of scan.notes ? scan.notes.items : []) {
    if (isOurNote(note.content)) ourNotes.push(note);
    else if (needUserNoteCells) {
      const location = note.getLocation();
      location.load("address");
      userNoteLocations.push(location);
    }
  }
  return { rules, ourNotes, userNoteLocations };
}

function needsSecondRequest(details: readonly Details[]): boolean {
  return details.some((d) => d.rules.length > 0 || d.userNoteLocations.length > 0);
}

/** After request 2: ours, recognised by the marker in the formula and the prefix of the note. */
function settle(details: Details): Marks {
  const userNoteCells = new Set<string>();
  for (const loc of details.userNoteLocations) {
    const cell = normalizeCell(stripSheet(loc.address));
    if (cell) userNoteCells.add(cell);
  }
  return {
    ourFormats: details.rules.filter((r) => markOf(r.rule.formula) !== null).map((r) => r.format),
    ourNotes: details.ourNotes,
    userNoteCells,
  };
}

function queueRemoval(marks: Marks): void {
  for (const f of marks.ourFormats) f.delete();
  for (const n of marks.ourNotes) n.delete();
}

function addFormat(collection: Excel.ConditionalFormatCollection, severity: Severity): void {
  const format = collection.add("Custom");
  format.custom.rule.formula = markFormula(severity);
  format.custom.format.fill.color = SEVERITY_FILL[severity];
}

/**
 * Queues our formats: one per severity and address chunk, over RangeAreas (ExcelApi 1.9). ConditionalFormatCollection.add
 * puts a new format at the top priority, so adding info, then verify, then error leaves error on top and all of ours
 * above the user's own formats (our fill shows; the user's formats are back in charge once ours are removed).
 */
function queueFormats(ws: Excel.Worksheet, addresses: Record<Severity, string[]>, rangeAreas: boolean): void {
  for (const severity of ["info", "verify", "error"] as const) {
    if (rangeAreas) {
      for (const address of addresses[severity]) addFormat(ws.getRanges(address).conditionalFormats, severity);
      continue;
    }
    // Older Excel: one format per rectangular area, capped so that a huge sheet cannot drown in formats.
    const areas = addresses[severity].flatMap(splitAreas).slice(0, MAX_FALLBACK_FORMATS);
    for (const area of areas) addFormat(ws.getRange(area).conditionalFormats, severity);
  }
}

const RANK: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

function queueNotes(ws: Excel.Worksheet, cells: Map<string, Finding[]>, userNoteCells: Set<string>, lang: Lang): void {
  // Most severe cells first, so that the cap drops infos rather than errors.
  const entries = [...cells].sort((a, b) => RANK[a[1][0].severity] - RANK[b[1][0].severity]);
  let added = 0;
  for (const [cell, list] of entries) {
    if (userNoteCells.has(cell)) continue; // the user's own note stays, untouched and alone
    if (added >= MAX_NOTES) break;
    // A Range rather than an address string: unambiguous about the sheet, whichever collection adds it.
    ws.notes.add(ws.getRange(cell), noteText(list, lang));
    added++;
  }
}

/** Replaces this add-in's marks on `sheet` with marks for `findings`: at most three requests. */
export async function applyMarks(
  context: Excel.RequestContext,
  req: Requirements,
  sheet: string,
  findings: readonly Finding[],
  lang: Lang,
): Promise<void> {
  if (!req.supports("conditionalFormats")) throw noConditionalFormats();
  const plan = planMarks(sheet, findings);
  const withNotes = req.supports("notes");
  await withEventsSuspended(context, req, async (events) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const scan = queueScan(ws, withNotes);
    await context.sync();

    const details = queueDetails(scan, withNotes && plan.cells.size > 0);
    if (needsSecondRequest([details])) await context.sync();
    const marks = settle(details);

    queueRemoval(marks);
    queueFormats(ws, plan.addresses, req.supports("rangeAreas"));
    if (withNotes) queueNotes(ws, plan.cells, marks.userNoteCells, lang);
    events.resume();
    await context.sync();
  });
}

/**
 * Removes this add-in's formats and notes from one sheet (three requests at most) or from every sheet (one more,
 * to list them). Nothing else is touched: our formats never changed the cells underneath.
 */
export async function clearMarks(context: Excel.RequestContext, req: Requirements, sheet?: string): Promise<void> {
  if (!req.supports("conditionalFormats")) return; // no formats could have been added either
  const withNotes = req.supports("notes");
  await withEventsSuspended(context, req, async (events) => {
    let sheets: Excel.Worksheet[];
    if (sheet !== undefined) {
      sheets = [context.workbook.worksheets.getItem(sheet)];
    } else {
      const all = context.workbook.worksheets;
      all.load("name");
      await context.sync();
      sheets = all.items;
    }
    const scans = sheets.map((ws) => queueScan(ws, withNotes));
    await context.sync();

    const details = scans.map((s) => queueDetails(s, false));
    if (needsSecondRequest(details)) await context.sync();

    details.map(settle).forEach(queueRemoval);
    events.resume();
    await context.sync();
  });
}
