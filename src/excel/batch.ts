import { OfficeAdapterError, officeFailure } from "./errors";
import { OfficeHost } from "./host";
import { Requirements } from "./requirements";

/** Office.js reports "the grouped batch contains an API without undo support" with this error code. */
const UNDO_NOT_SUPPORTED = "UndoNotSupported";

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : undefined;
}

/**
 * Runs a batch, as one undo step when asked and the Excel has ExcelApi 1.20 (`mergeUndoGroup`). If Excel answers
 * UndoNotSupported (an API in the batch has no undo support: the docs list Worksheet.visibility and
 * Worksheet.delete on Windows/Mac among others), the batch runs again without grouping. That is safe only because
 * every batch given here is idempotent: it replaces or removes this add-in's own marks, so a partial first run is
 * overwritten by the second.
 */
export async function runBatch<T>(
  host: OfficeHost,
  req: Requirements,
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: { undoGroup?: boolean } = {},
): Promise<T> {
  try {
    if (options.undoGroup && req.supports("undoGroup")) {
      try {
        return await host.run({ mergeUndoGroup: true, delayForCellEdit: true }, batch);
      } catch (e) {
        if (errorCode(e) !== UNDO_NOT_SUPPORTED) throw e;
      }
    }
    return await host.run({ delayForCellEdit: true }, batch);
  } catch (e) {
    throw e instanceof OfficeAdapterError ? e : (officeFailure(errorCode(e), e) ?? e);
  }
}

/**
 * Workbook events (onChanged, onFormatChanged …) of this add-in's own runtime are switched off while it writes, so
 * that the pane's handlers do not react to the add-in's own marks. `suspend` is queued into the batch's first
 * request and `resume` into its last one, so switching costs no extra sync; if the batch fails, events are switched
 * back on with one more sync, and a failure of that is ignored (the original error is what the user must see).
 * Without ExcelApi 1.8 there is nothing to switch.
 */
export class EventSuspension {
  private resumed = true;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly enabled: boolean,
  ) {}

  /** Queues "events off" into the current batch. */
  suspend(): void {
    if (!this.enabled) return;
    this.context.runtime.enableEvents = false;
    this.resumed = false;
  }

  /** Queues "events on" into the current batch: call it before the batch's last sync. */
  resume(): void {
    if (!this.enabled) return;
    this.context.runtime.enableEvents = true;
    this.resumed = true;
  }

  /** For a finally block: if the last queued state is "off" (a failure came first), switches events back on. */
  async restore(): Promise<void> {
    if (!this.enabled || this.resumed) return;
    try {
      this.context.runtime.enableEvents = true;
      this.resumed = true;
      await this.context.sync();
    } catch {
      // Best effort: the batch's own error is rethrown by the caller.
    }
  }

  /** After a failed sync the queued "on" may not have run: mark it unsure so that restore() syncs it again. */
  failed(): void {
    if (this.enabled) this.resumed = false;
  }
}

/**
 * Runs `body` with events suspended from its first request to its last; `body` must call `events.resume()` before
 * its final sync. On failure events are switched back on (one extra sync) and the error is rethrown.
 */
export async function withEventsSuspended<T>(
  context: Excel.RequestContext,
  req: Requirements,
  body: (events: EventSuspension) => Promise<T>,
): Promise<T> {
  const events = new EventSuspension(context, req.supports("enableEvents"));
  events.suspend();
  try {
    const result = await body(events);
    // A body that forgot to resume gets it done here (one more sync, only in that case).
    await events.restore();
    return result;
  } catch (e) {
    events.failed();
    await events.restore();
    throw e;
  }
}
