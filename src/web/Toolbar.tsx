import { useEffect, useState } from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { Lang } from "../core/i18n";
import { frozenName, outputName } from "./file-names";
import { pageJson } from "./json-report";
import type { MemoryWorkbookPort } from "./memory-port";
import { JSON_TYPE, XLSX_TYPE, saveFile } from "./save-file";
import { PageText } from "./text";

export interface ToolbarProps {
  port: MemoryWorkbookPort;
  lang: Lang;
  text: PageText;
  busy: string | null;
  onOtherFile: () => void;
  onError: (message: string) => void;
  /** The annotated copy (with the explanations) was handed to the browser to save. */
  onCopySaved?: () => void;
  /** 打印: the page shows its print report and opens the browser's print dialog. */
  onPrint?: () => void;
}

/**
 * The open file, another file, and the downloads: the annotated copy, the JSON report and, after 报送前固化, the
 * frozen file itself (no marks, no report: the file to send). The sheet is chosen in the pane (its 要校验的工作表 list);
 * the preview follows it.
 */
export function Toolbar(props: ToolbarProps) {
  const { port, lang, text } = props;
  const [ready, setReady] = useState(port.hasResults());
  const [preparing, setPreparing] = useState(false);
  const [frozen, setFrozen] = useState(port.isFrozen());

  useEffect(() => {
    setReady(port.hasResults());
    setFrozen(port.isFrozen());
    const offs = [
      port.events.on("highlights", () => setReady(port.hasResults())),
      port.events.on("report", () => setReady(port.hasResults())),
      port.events.on("frozen", () => setFrozen(port.isFrozen())),
    ];
    return () => offs.forEach((off) => off());
  }, [port]);

  const downloadCopy = async () => {
    setPreparing(true);
    try {
      const io = await import(/* webpackChunkName: "workbook-io" */ "./workbook-io");
      const bytes = await io.annotatedCopy(port.snapshot());
      saveFile(bytes, outputName(port.fileName, "xlsx", lang), XLSX_TYPE);
      props.onCopySaved?.();
    } catch (err) {
      props.onError(text.downloadFailed(err instanceof Error ? err.message : String(err)));
    } finally {
      setPreparing(false);
    }
  };

  const downloadJson = () => {
    try {
      const s = port.snapshot();
      const json = pageJson({
        fileName: s.fileName,
        results: s.results,
        settings: s.settings,
        lang: s.reportLang,
        grid: (name) => port.grid(name),
        explanations: s.explanations,
      });
      saveFile(json, outputName(port.fileName, "json", lang), JSON_TYPE);
    } catch (err) {
      props.onError(text.downloadFailed(err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <div className="zs-toolbar" role="toolbar" aria-label={port.fileName}>
      <span className="zs-file-name" title={port.fileName}>
        {port.fileName}
      </span>
      <Button onClick={props.onOtherFile} disabled={props.busy !== null}>
        {props.busy ? <Spinner size="tiny" label={props.busy} /> : text.otherFile}
      </Button>
      <span className="zs-toolbar-gap" />
      <Button appearance="primary" disabled={!ready || preparing} onClick={() => void downloadCopy()}>
        {preparing ? text.preparing : text.downloadCopy}
      </Button>
      <Button disabled={!ready} onClick={downloadJson}>
        {text.downloadJson}
      </Button>
      {/* The browser's print dialog prints the report laid out for A4 (PrintReport), not the page. */}
      <Button disabled={!ready} onClick={() => (props.onPrint ? props.onPrint() : window.print())}>
        {text.print}
      </Button>
      {frozen && (
        <Button onClick={() => saveFile(port.fileBytes(), frozenName(port.fileName, lang), XLSX_TYPE)}>{text.downloadFrozen}</Button>
      )}
      {!ready && <span className="zs-toolbar-hint">{text.downloadsNeedCheck}</span>}
    </div>
  );
}
