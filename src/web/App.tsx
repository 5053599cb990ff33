import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Button, FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { Bilingual, Lang } from "../core/i18n";
import { MemoryWorkbookPort } from "./memory-port";
import { FileInput, OpenFile, filesOf } from "./OpenFile";
import { Pane, PickedCell } from "./pane-slot";
import { PreviewPanel } from "./PreviewPanel";
import { PrintReport } from "./PrintReport";
import { UsageGuide } from "../taskpane/components/UsageGuide";
import { Toolbar } from "./Toolbar";
import { TEXT } from "./text";
import { attachPreviousSheet, attachTargetsSheet, firstDataSheet, precheck, readFileBytes, splitPreviousFile, splitTargetsFile } from "./intake";
import { openWorkbook } from "./workbook-reader";
import { DEFAULT_SETTINGS } from "../core/settings";
import type { WorkbookData } from "../xlsx/read";
import { KeyValueStore, browserStore, fileHash, loadStored, mergeExplanations, rememberLanguage, saveStored } from "./explanation-store";

export const SAMPLE_URL = "examples/chongqing-2022-h1.xlsx";
const SAMPLE_NAME = "chongqing-2022-h1.xlsx";

type Message = { intent: "error" | "info" | "warning"; text: string };

/** The reader's refusals and failures are whole sentences naming the file (WorkbookError carries both languages). */
function isReaderMessage(err: unknown): boolean {
  const e = err as { bilingual?: Bilingual; reason?: unknown } | null;
  return typeof e?.reason === "string" && typeof e.bilingual?.zh === "string";
}

function messageOf(err: unknown, lang: Lang): string {
  const bi = (err as { bilingual?: Bilingual } | null)?.bilingual;
  if (bi && typeof bi.zh === "string") return bi[lang];
  return err instanceof Error ? err.message : String(err);
}

/** Lets React paint the "正在读取" state before the parse blocks the main thread for a moment. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export interface AppProps {
  lang: Lang;
  fetchSample?: () => Promise<Uint8Array>;
  /** Where explanations and the language choice are kept (localStorage unless a test gives its own). */
  store?: KeyValueStore | null;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang);
  const text = TEXT[lang];
  const [port, setPort] = useState<MemoryWorkbookPort | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  const [printing, setPrinting] = usePrinting();
  const input = useRef<HTMLInputElement>(null);
  /** The open file's SHA-256: the key of its explanations in this browser. */
  const hash = useRef<string | null>(null);
  /** Explanations written on the page that no downloaded copy holds yet. */
  const unsaved = useRef(false);
  const store = useMemo(() => props.store ?? browserStore(), [props.store]);

  useEffect(() => port?.setLanguage(lang), [port, lang]);

  // Every explanation saved in the pane is kept in the browser at once, marked unsaved until a copy is downloaded.
  useEffect(() => {
    if (!port) return;
    return port.events.on("explanations", () => {
      const explanations = port.snapshot().explanations;
      unsaved.current = explanations.length > 0;
      saveStored(store, hash.current, { fileName: port.fileName, explanations, unsaved: unsaved.current });
    });
  }, [port, store]);

  // Closing or reloading the tab with unsaved explanations asks first (they stay in the browser either way).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      e.preventDefault();
      // Chrome before 119 and Safari show the prompt only when returnValue is set (MDN, beforeunload event).
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const onCopySaved = useCallback(() => {
    if (!port) return;
    unsaved.current = false;
    saveStored(store, hash.current, { fileName: port.fileName, explanations: port.snapshot().explanations, unsaved: false });
  }, [port, store]);

  const switchLang = useCallback((next: Lang) => {
    setLang(next);
    rememberLanguage(next, store);
  }, [store]);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = `${text.title} · ${lang === "zh" ? "独立校验" : "Standalone check"}`;
  }, [lang, text.title]);

  const open = useCallback(
    async (
      bytes: Uint8Array,
      name: string,
      extra: Message[] = [],
      targets?: { bytes: Uint8Array; name: string },
      previous?: { bytes: Uint8Array; name: string },
    ) => {
      const pre = precheck(name);
      if (!pre.ok) {
        setMessages([...extra, { intent: "error", text: pre.message[lang] }]);
        return;
      }
      setBusy(text.reading(name));
      setMessages(extra);
      try {
        await nextPaint();
        let shown = -1;
        const workbook = await openWorkbook(bytes, name, (fraction) => {
          const percent = Math.floor(fraction * 100);
          if (percent === shown) return;
          shown = percent;
          setBusy(text.reading(name, percent));
        });
        const active = firstDataSheet(workbook.data.sheets, workbook.data.hiddenSheets);
        const targetsNote = targets ? await addTargets(workbook.data, targets, lang) : null;
        const previousNote = previous ? await addPrevious(workbook.data, previous, lang) : null;
        const next = new MemoryWorkbookPort(workbook, { lang, activeSheet: active });
        const digest = await fileHash(bytes).catch(() => null);
        const kept = loadStored(store, digest);
        const restored = kept ? mergeExplanations(workbook.data.explanations, kept.explanations) : null;
        // Before the pane mounts, so that it starts with them; the port then counts them as changed (the copy needs them).
        if (restored && restored.restored > 0) await next.saveExplanations(restored.explanations);
        hash.current = digest;
        unsaved.current = !!(restored && restored.restored > 0 && kept?.unsaved);
        // The pane starts from these settings: the second workbook's targets sheet is the targets source.
        // … and last period's sheet, the 上期报表 it is compared with.
        if (targetsNote?.sheet || previousNote?.sheet) {
          await next.saveSettings({
            ...DEFAULT_SETTINGS,
            ...(targetsNote?.sheet ? { targets: { kind: "sheet" as const, sheet: targetsNote.sheet } } : {}),
            ...(previousNote?.sheet ? { previousSheet: previousNote.sheet } : {}),
          });
        }
        setPort(next);
        const notes = workbook.data.notes;
        const targetsMessages = [targetsNote, previousNote].flatMap((n) => (n ? [n.message] : []));
        const restoredMessages: Message[] =
          restored && restored.restored > 0 ? [{ intent: "info", text: text.explanationsRestored(restored.restored) }] : [];
        setMessages([...extra, ...restoredMessages, ...targetsMessages, ...notes.map((n): Message => ({ intent: "info", text: n[lang] }))]);
      } catch (err) {
        const shown = isReaderMessage(err) ? messageOf(err, lang) : text.readFailed(messageOf(err, lang));
        setMessages([...extra, { intent: "error", text: shown }]);
      } finally {
        setBusy(null);
      }
    },
    [lang, text, store],
  );

  const onFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      if (unsaved.current && !window.confirm(text.confirmDiscard)) return;
      // Last period's workbook (by its name) may come as a third file, beside the sheet and its targets.
      const split = files.length >= 2 ? splitPreviousFile(files.slice(0, 3)) : null;
      const limit = split !== null ? 3 : 2;
      const extra: Message[] = files.length > limit ? [{ intent: "warning", text: text.oneFileOnly }] : [];
      try {
        if (split !== null) {
          const previous = { bytes: await readFileBytes(split.previous), name: split.previous.name };
          if (split.rest.length === 1) {
            await open(await readFileBytes(split.rest[0]), split.rest[0].name, extra, undefined, previous);
            return;
          }
          const { data, targets } = splitTargetsFile(split.rest.slice(0, 2));
          const targetsFile = { bytes: await readFileBytes(targets), name: targets.name };
          await open(await readFileBytes(data), data.name, extra, targetsFile, previous);
          return;
        }
        if (files.length >= 2) {
          // Two workbooks: the sheet to check and the annual targets (as zs-check --targets), as the page's answer
          // to "dropping two files opens only the first".
          const { data, targets } = splitTargetsFile(files.slice(0, 2));
          await open(await readFileBytes(data), data.name, extra, { bytes: await readFileBytes(targets), name: targets.name });
          return;
        }
        await open(await readFileBytes(files[0]), files[0].name, extra);
      } catch (err) {
        setMessages([...extra, { intent: "error", text: text.readFailed(messageOf(err, lang)) }]);
      }
    },
    [open, text, lang],
  );

  const onSample = useCallback(async () => {
    setBusy(text.sampleLoading);
    try {
      const bytes = props.fetchSample ? await props.fetchSample() : await fetchSame(SAMPLE_URL);
      await open(bytes, SAMPLE_NAME);
    } catch (err) {
      setMessages([{ intent: "error", text: text.sampleFailed(messageOf(err, lang)) }]);
      setBusy(null);
    }
  }, [open, text, lang, props]);

  return (
    <FluentProvider theme={webLightTheme} className="zs-provider">
      <div
        className={`zs-page${dragOver ? " zs-page-drop" : ""}`}
        onDragOver={(e) => {
          if (!port) return;
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={(e) => {
          if (!port) return;
          e.preventDefault();
          setDragOver(false);
          void onFiles(filesOf(e));
        }}
      >
        <header className="zs-header">
          <div className="zs-title-row">
            <h1>{text.title}</h1>
            <Button size="small" appearance="subtle" aria-expanded={guideOpen} aria-controls="zs-guide" onClick={() => setGuideOpen(!guideOpen)}>
              {text.guide}
            </Button>
            <Button size="small" appearance="subtle" aria-label={text.otherLangLabel} onClick={() => switchLang(lang === "zh" ? "en" : "zh")}>
              {text.otherLang}
            </Button>
          </div>
          <p className="zs-tagline">{text.tagline}</p>
          <p className="zs-privacy">{text.privacy}</p>
        </header>

        {guideOpen && (
          <section id="zs-guide" className="zs-guide-panel">
            <UsageGuide lang={lang} />
            <Button onClick={() => setGuideOpen(false)}>{text.closeGuide}</Button>
          </section>
        )}

        {messages.length > 0 && (
          <div className="zs-messages" aria-live="polite">
            {messages.map((m, i) => (
              <MessageBar key={i} intent={m.intent}>
                <MessageBarBody>{m.text}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
        )}

        {!port ? (
          <OpenFile text={text} busy={busy} onFiles={(f) => void onFiles(f)} onSample={() => void onSample()}>
            <p className="zs-examples">
              {lang === "zh" ? "示例文件下载：" : "Example files: "}
              <a href="examples/chongqing-2022-h1.xlsx" download>
                chongqing-2022-h1.xlsx
              </a>
              {" · "}
              <a href="examples/targets-2022.xlsx" download>
                targets-2022.xlsx
              </a>
            </p>
          </OpenFile>
        ) : (
          <>
            <Toolbar
              port={port}
              lang={lang}
              text={text}
              busy={busy}
              onOtherFile={() => input.current?.click()}
              onError={(m) => setMessages([{ intent: "error", text: m }])}
              onCopySaved={onCopySaved}
              onPrint={() => {
                // The report must be in the document before the print dialog lays the page out.
                flushSync(() => setPrinting(true));
                window.print();
              }}
            />
            <FileInput label={text.fileInputLabel} inputRef={input} onFiles={(f) => void onFiles(f)} />
            {/* Not <main>: the pane renders its own. */}
            <div className="zs-main">
              <section className="zs-pane" aria-label={text.paneRegion}>
                {/* A new file is a new workbook: the pane starts afresh (key). */}
                <PaneOverPort key={port.fileName + String(portId(port))} port={port} lang={lang} />
              </section>
              <PreviewPanel port={port} lang={lang} text={text} />
            </div>
          </>
        )}
      </div>
      {port && printing && <PrintReport port={port} lang={lang} />}
    </FluentProvider>
  );
}

/**
 * True while the page is being printed: the print report is rendered only then, so the screen's document (and
 * what assistive technology reads) holds each finding once. Ctrl+P fires beforeprint; print emulation and some
 * browsers only change the print media query, so both are followed.
 */
function usePrinting(): [boolean, (v: boolean) => void] {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    window.addEventListener("beforeprint", on);
    window.addEventListener("afterprint", off);
    const media = typeof window.matchMedia === "function" ? window.matchMedia("print") : null;
    const change = (e: MediaQueryListEvent) => (e.matches ? on() : off());
    media?.addEventListener?.("change", change);
    return () => {
      window.removeEventListener("beforeprint", on);
      window.removeEventListener("afterprint", off);
      media?.removeEventListener?.("change", change);
    };
  }, []);
  return [printing, setPrinting];
}

/** The pane, told of cells picked in the preview (the port's "pick" event). */
function PaneOverPort(props: { port: MemoryWorkbookPort; lang: Lang }) {
  const { port, lang } = props;
  const [picked, setPicked] = useState<PickedCell | null>(null);
  useEffect(() => port.events.on("pick", ({ sheet, cell }) => setPicked((p) => ({ sheet, cell, nonce: (p?.nonce ?? 0) + 1 }))), [port]);
  return <Pane port={port} lang={lang} picked={picked} />;
}

/** A stable number per port object, so that opening the same file name twice still remounts the pane. */
const ids = new WeakMap<object, number>();
let nextId = 1;
function portId(port: object): number {
  let id = ids.get(port);
  if (id === undefined) ids.set(port, (id = nextId++));
  return id;
}

/** A second workbook dropped with the first: its targets sheet joins the checked workbook's sheets. */
async function addTargets(
  data: WorkbookData,
  targets: { bytes: Uint8Array; name: string },
  lang: Lang,
): Promise<{ sheet: string | null; message: Message }> {
  const text = TEXT[lang];
  const pre = precheck(targets.name);
  if (!pre.ok) return { sheet: null, message: { intent: "warning", text: pre.message[lang] } };
  let loaded;
  try {
    loaded = await openWorkbook(targets.bytes, targets.name);
  } catch (err) {
    return { sheet: null, message: { intent: "warning", text: messageOf(err, lang) } };
  }
  const added = attachTargetsSheet(data, loaded.data, targets.name);
  if (added === null) return { sheet: null, message: { intent: "warning", text: text.noTargetsIn(targets.name) } };
  return { sheet: added.name, message: { intent: "info", text: text.targetsFrom(targets.name, added.source) } };
}

/** Last period's workbook dropped with the sheet: its data sheet joins the checked workbook's sheets as 上期报表. */
async function addPrevious(
  data: WorkbookData,
  previous: { bytes: Uint8Array; name: string },
  lang: Lang,
): Promise<{ sheet: string | null; message: Message }> {
  const text = TEXT[lang];
  const pre = precheck(previous.name);
  if (!pre.ok) return { sheet: null, message: { intent: "warning", text: pre.message[lang] } };
  let loaded;
  try {
    loaded = await openWorkbook(previous.bytes, previous.name);
  } catch (err) {
    return { sheet: null, message: { intent: "warning", text: messageOf(err, lang) } };
  }
  const added = attachPreviousSheet(data, loaded.data, previous.name);
  if (added === null) return { sheet: null, message: { intent: "warning", text: text.noPreviousIn(previous.name) } };
  return { sheet: added.name, message: { intent: "info", text: text.previousFrom(previous.name, added.source) } };
}

async function fetchSame(url: string): Promise<Uint8Array> {
  // Same origin only (a relative URL): the page makes no other requests.
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
