import { useEffect, useMemo, useState } from "react";
import { Lang } from "../core/i18n";
import { marksFor } from "./marks";
import type { MemoryWorkbookPort } from "./memory-port";

/**
 * The page's view of what the pane did through the port: the active sheet, its marks, the cell to show, and
 * whether there is anything to download. Re-renders on the port's events only.
 */
export function usePortState(port: MemoryWorkbookPort, lang: Lang) {
  const [active, setActive] = useState(() => port.currentSheet());
  const [version, setVersion] = useState(0);
  const [target, setTarget] = useState<{ cell: string; nonce: number } | null>(null);

  useEffect(() => {
    setActive(port.currentSheet());
    const bump = () => setVersion((v) => v + 1);
    const offs = [
      port.events.on("active-sheet", ({ sheet }) => {
        setActive(sheet);
        setTarget(null);
      }),
      port.events.on("highlights", bump),
      port.events.on("report", bump),
      port.events.on("explanations", bump),
      port.events.on("select", ({ cell }) => setTarget((t) => ({ cell, nonce: (t?.nonce ?? 0) + 1 }))),
    ];
    return () => offs.forEach((off) => off());
  }, [port]);

  // `version` changes whenever the port's findings do: the memo reads them from the port.
  const marks = useMemo(() => marksFor(port.findingsOf(active), lang), [port, active, lang, version]);
  return { active, grid: port.grid(active) ?? null, marks, target, hasResults: port.hasResults() };
}
