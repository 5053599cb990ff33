import { Button, Field } from "@fluentui/react-components";
import { useRef } from "react";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface RulesFileFieldProps {
  /** The rules file in use: its name and how many rules it holds; null = none chosen. */
  loaded: { name: string; count: number } | null;
  disabled?: boolean;
  /** The chosen file's text; false when it was refused (the pane says why). */
  onLoad(name: string, text: string): boolean;
  onClear(): void;
}

/** A File's text where the browser has Blob.text; FileReader otherwise (older WPS-embedded browsers). */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsText(file, "utf-8");
  });
}

/**
 * 审核规则文件: the rules a city sends as a text file, read on this machine (nothing is uploaded) and checked with
 * the sheet. Kept for the session only: the file is the user's, the workbook's own rules live in its 审核规则 sheet.
 */
export function RulesFileField({ loaded, disabled, onLoad, onClear }: RulesFileFieldProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  const input = useRef<HTMLInputElement>(null);
  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    onLoad(file.name, await readText(file));
    // The same file chosen again (after editing it) must load again.
    if (input.current) input.current.value = "";
  };
  return (
    <Field label={t("rulesFile")} hint={loaded ? t("rulesFileLoaded", { name: loaded.name, count: loaded.count }) : t("rulesFileHint")}>
      <div className={layout.row}>
        <input
          ref={input}
          type="file"
          accept=".txt,text/plain"
          hidden
          aria-label={t("rulesFile")}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {t("rulesFileChoose")}
        </Button>
        {loaded && (
          <Button appearance="subtle" disabled={disabled} onClick={onClear}>
            {t("rulesFileClear")}
          </Button>
        )}
      </div>
    </Field>
  );
}
