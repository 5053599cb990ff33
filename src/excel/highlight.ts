import { Finding, Severity } from "../core/findings";
import { bySeverity } from "../app/workbook-style";
import { Lang } from "../core/i18n";
import { normalizeCell, splitAreas, stripSheet } from "../app/addresses";
import { EventSuspension, withEventsSuspended } from "./batch";
import { noConditionalFormats } from "./errors";
import { markFormula, markOf, planMarks, SEVERITY_FILL } from "../app/marks";
import { isOurNote, MAX_NOTES, noteText } from "../app/notes";
import { queueSheetProtection } from "./protection";
import { Requirements } from "./requirements";

/*
 * Requests per sheet, whatever the number of findings:
 *   1. the sheet's conditional formats (type) and whether the sheet is protected;
 *   2. the sheet's notes (content), in a request of their own;
 *   3. the rule formula of the Custom formats (and where the user's own notes are) — skipped when there is none;
 *   4. delete our old formats and notes, add the new ones.
 * Two levels of loading are needed because a format's `custom` property may only be read on a Custom format:
 * loading "items/custom/rule/formula" over a collection that also holds a colour scale fails the whole request
 * (office-js issue #2180), so the types come first.
 *
 * Notes have their own request because loading them can fail where formats load fine (office-js #6198: in Excel
 * on the web, loading a Note's visible/width/height fails, and `notes.load("items")` loads them all; only
 * `content` is loaded here). If it fails anyway, the sheet is marked with colours and no notes.
 *
 * A conditional format the user made can be unreadable: rules duplicated in Excel's UI make reading their
 * properties throw (office-js #6835, #6827), which fails every request that loads them. When request 1 or 3 fails,
 * the formats are read one by one instead (getItemAt, 2 requests per format), skipping those that cannot be read:
 * ours are always readable, so marking and clearing still work.
 */

/** Add at most this many extra formats per severity when RangeAreas (ExcelApi 1.9) is missing and each area needs its own. */
const MAX_FALLBACK_FORMATS = 300;

interface Scan {
  ws: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
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

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

/**
 * Syncs; false when Excel could not read what was asked (an unreadable format, notes it cannot load). Errors that
 * reading one by one would not cure (a missing API, the user editing a cell) are rethrown.
 */
async function trySync(context: Excel.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (e) {
    if (fatal(e)) throw e;
    return false;
  }
}

function fatal(e: unknown): boolean {
  return ["ApiNotFound", "InvalidOperationInCellEditMode", "ItemNotFound"].includes(errorCode(e) ?? "");
}

/** Request 1: what formats the sheet has. */
function queueScan(ws: Excel.Worksheet): Scan {
  // The whole sheet's range: its conditionalFormats are every format that touches the sheet.
  const formats = ws.getRange().conditionalFormats;
  formats.load("type");
  return { ws, formats };
}

/** Request 2, on its own: the sheets' notes (content only, office-js #6198); null for each if they cannot be read. */
async function readNotes(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[]): Promise<(Excel.NoteCollection | null)[]> {
  const collections = sheets.map((ws) => {
    const notes = ws.notes;
    notes.load("content");
    return notes;
  });
  return (await trySync(context)) ? collections : collections.map(() => null);
}

/** Request 3: the rule formulas of Custom formats; where the user's notes are, when we are about to add ours. */
function queueDetails(formats: readonly Excel.ConditionalFormat[] | null, notes: Excel.NoteCollection | null, needUserNoteCells: boolean): Details {
  const rules = (formats ?? [])
    .filter((f) => f.type === "Custom")
    .map((format) => {
      const rule = format.custom.rule;
      rule.load("formula");
      return { format, rule };
    });
  const ourNotes: Excel.Note[] = [];
  const userNoteLocations: Excel.Range[] = [];
  for (const note of notes ? notes.items : []) {
    if (isOurNote(note.content)) ourNotes.push(note);
    else if (needUserNoteCells) {
      const location = note.getLocation();
      location.load("address");
      userNoteLocations.push(location);
    }
  }
  return { rules, ourNotes, userNoteLocations };
}

function needsRequest(details: readonly Details[]): boolean {
  return details.some((d) => d.rules.length > 0 || d.userNoteLocations.length > 0);
}

/**
 * The fallback for unreadable formats (office-js #6835, #6827): each format in its own requests, its type then its
 * rule; one that cannot be read is not ours (ours are plain Custom rules Office.js always reads) and is left alone.
 */
async function ourFormatsOneByOne(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<Excel.ConditionalFormat[]> {
  const collection = ws.getRange().conditionalFormats;
  const count = collection.getCount();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult has no load(): the sync sets its value
  const n = count.value;
  const ours: Excel.ConditionalFormat[] = [];
  for (let i = 0; i < n; i++) {
    const format = collection.getItemAt(i);
    format.load("type");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per format is the point: one unreadable format must fail alone
      await context.sync();
    } catch (e) {
      if (fatal(e)) throw e;
      continue; // unreadable: a user's format
    }
    if (format.type !== "Custom") continue;
    // eslint-disable-next-line office-addins/load-object-before-read -- custom.rule is a navigation property: nothing to load
    const rule = format.custom.rule;
    rule.load("formula");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
      await context.sync();
    } catch (e) {
      if (fatal(e)) throw e;
      continue;
    }
    if (markOf(rule.formula) !== null) ours.push(format);
  }
  return ours;
}

/** After request 3: ours, recognised by the marker in the formula and the prefix of the note. */
function settle(details: Details, ourFormats: Excel.ConditionalFormat[] | null): Marks {
  const userNoteCells = new Set<string>();
  for (const loc of details.userNoteLocations) {
    const cell = normalizeCell(stripSheet(loc.address));
    if (cell) userNoteCells.add(cell);
  }
  return {
    ourFormats: ourFormats ?? details.rules.filter((r) => markOf(r.rule.formula) !== null).map((r) => r.format),
    ourNotes: details.ourNotes,
    userNoteCells,
  };
}

function queueRemoval(marks: Marks): void {
  for (const f of marks.ourFormats) f.delete();
  for (const n of marks.ourNotes) n.delete();
}

/**
 * Requests 1–3 for some sheets: our formats and notes on each, falling back to reading formats one by one when a
 * request fails. `writable` checks come back with them (loaded in request 1, or again after a failed one).
 */
async function findMarks(
  context: Excel.RequestContext,
  sheets: readonly { ws: Excel.Worksheet; name: string }[],
  withNotes: boolean,
  needUserNoteCells: boolean,
  events: EventSuspension,
): Promise<{ marks: Marks[]; writable: (() => void)[] }> {
  let writable = sheets.map((s) => queueSheetProtection(s.ws, s.name));
  const scans = sheets.map((s) => queueScan(s.ws));
  const scanned = await trySync(context);
  if (!scanned) {
    // The failed request took the protection checks and "events off" with it: ask again.
    events.suspend();
    writable = sheets.map((s) => queueSheetProtection(s.ws, s.name));
    await context.sync();
  }
  const notes = withNotes ? await readNotes(context, sheets.map((s) => s.ws)) : sheets.map(() => null);
  // Notes that could not be read: where the user's are is unknown, so none of ours is added.
  const unknownNotes = (i: number): boolean => withNotes && needUserNoteCells && notes[i] === null;
  const details = scans.map((scan, i) => queueDetails(scanned ? scan.formats.items : null, notes[i], needUserNoteCells));
  const detailed = !needsRequest(details) || (await trySync(context));
  const marks: Marks[] = [];
  for (let i = 0; i < sheets.length; i++) {
    if (scanned && detailed) {
      const settled = settle(details[i], null);
      if (unknownNotes(i)) settled.userNoteCells = ALL_CELLS;
      marks.push(settled);
      continue;
    }
    const ours = await ourFormatsOneByOne(context, sheets[i].ws);
    // Note locations rode with the failed request: without them no note of ours is added (a user's note is never
    // overwritten), but ours are still removed.
    const settled = settle({ ...details[i], userNoteLocations: detailed ? details[i].userNoteLocations : [] }, ours);
    if ((!detailed && needUserNoteCells) || unknownNotes(i)) settled.userNoteCells = ALL_CELLS;
    marks.push(settled);
  }
  return { marks, writable };
}

/** Stands for "every cell may hold a user's note": no note of ours is added. */
const ALL_CELLS: Set<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();

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

function queueNotes(ws: Excel.Worksheet, cells: Map<string, Finding[]>, userNoteCells: Set<string>, lang: Lang): void {
  // Most severe cells first, so that the cap drops infos rather than errors.
  const entries = [...cells].sort((a, b) => bySeverity(a[1][0].severity, b[1][0].severity));
  let added = 0;
  for (const [cell, list] of entries) {
    if (userNoteCells.has(cell)) continue; // the user's own note stays, untouched and alone
    if (added >= MAX_NOTES) break;
    // A Range rather than an address string: unambiguous about the sheet, whichever collection adds it.
    ws.notes.add(ws.getRange(cell), noteText(list, lang));
    added++;
  }
}

/** Replaces this add-in's marks on `sheet` with marks for `findings`: four requests (more only for unreadable formats). */
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
    const { marks, writable } = await findMarks(context, [{ ws, name: sheet }], withNotes, withNotes && plan.cells.size > 0, events);
    writable[0]();

    queueRemoval(marks[0]);
    queueFormats(ws, plan.addresses, req.supports("rangeAreas"));
    if (withNotes) queueNotes(ws, plan.cells, marks[0].userNoteCells, lang);
    events.resume();
    await context.sync();
  });
}

/**
 * Removes this add-in's formats and notes from one sheet (four requests) or from every sheet (one more, to list
 * them). Nothing else is touched: our formats never changed the cells underneath. A protected sheet that carries
 * marks of ours stops the whole clearing with a message, before anything is removed.
 */
export async function clearMarks(context: Excel.RequestContext, req: Requirements, sheet?: string): Promise<void> {
  if (!req.supports("conditionalFormats")) return; // no formats could have been added either
  const withNotes = req.supports("notes");
  await withEventsSuspended(context, req, async (events) => {
    let sheets: { ws: Excel.Worksheet; name: string }[];
    if (sheet !== undefined) {
      sheets = [{ ws: context.workbook.worksheets.getItem(sheet), name: sheet }];
    } else {
      const all = context.workbook.worksheets;
      all.load("name");
      await context.sync();
      sheets = all.items.map((ws) => ({ ws, name: ws.name }));
    }
    const { marks, writable } = await findMarks(context, sheets, withNotes, false, events);
    marks.forEach((m, i) => {
      if (m.ourFormats.length > 0 || m.ourNotes.length > 0) writable[i]();
    });
    marks.forEach(queueRemoval);
    events.resume();
    await context.sync();
  });
}
