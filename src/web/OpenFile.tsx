import { useRef, useState, type DragEvent, type ReactNode } from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { PageText } from "./text";

export interface OpenFileProps {
  text: PageText;
  busy: string | null;
  onFiles: (files: File[]) => void;
  onSample: () => void;
  /** Compact: one line in the toolbar once a file is open. */
  compact?: boolean;
  children?: ReactNode;
}

/** The hidden input behind the 选择文件 buttons; the accept list is a hint only: names are checked again. */
export function FileInput(props: { label: string; inputRef: React.RefObject<HTMLInputElement>; onFiles: (f: File[]) => void }) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      // Two files may be chosen: the sheet to check and a workbook of annual targets (App.onFiles).
      multiple
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
      aria-label={props.label}
      data-testid="file-input"
      className="zs-visually-hidden"
      onChange={(e) => {
        const files = Array.from(e.currentTarget.files ?? []);
        // Reset, so choosing the same file again (after fixing it in Excel) fires change again.
        e.currentTarget.value = "";
        if (files.length > 0) props.onFiles(files);
      }}
    />
  );
}

export function filesOf(e: DragEvent): File[] {
  return Array.from(e.dataTransfer?.files ?? []);
}

/** The start screen: a large drop zone with 选择文件 and 示例数据. */
export function OpenFile(props: OpenFileProps) {
  const { text, busy } = props;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`zs-drop${over ? " zs-drop-over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        props.onFiles(filesOf(e));
      }}
    >
      {busy ? (
        <Spinner label={busy} />
      ) : (
        <>
          <p className="zs-drop-hint">{over ? text.dropActive : text.dropHint}</p>
          <div className="zs-drop-actions">
            <Button appearance="primary" onClick={() => input.current?.click()}>
              {text.chooseFile}
            </Button>
            <Button onClick={props.onSample}>{text.sample}</Button>
          </div>
          {props.children}
        </>
      )}
      <FileInput label={text.fileInputLabel} inputRef={input} onFiles={props.onFiles} />
    </div>
  );
}
