import { Button, Field, Spinner, Textarea } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ExplanationCheck } from "../../core/explanations";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface ExplanationEditorProps {
  /** The cell (or "整表") the explanation is about, for the label. */
  where: string;
  initial: string;
  busy?: boolean;
  onSave(text: string): Promise<ExplanationCheck>;
  onDone(): void;
}

/** Inline 核实说明 editor: the refusal of checkExplanation ("核实无误" …) is shown under the text, in place. */
export function ExplanationEditor({ where, initial, busy, onSave, onDone }: ExplanationEditorProps): JSX.Element {
  const { t, pick } = useT();
  const layout = useLayout();
  const [text, setText] = useState(initial);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);

  const save = async () => {
    setSaving(true);
    const verdict = await onSave(text);
    setSaving(false);
    if (verdict.ok) {
      setRefusal(null);
      onDone();
    } else {
      setRefusal(pick(verdict.message));
      area.current?.focus();
    }
  };

  return (
    <div className={layout.section}>
      <Field
        label={t("explanationLabel", { cell: where })}
        hint={refusal === null ? t("explanationHint") : undefined}
        validationState={refusal !== null ? "error" : "none"}
        validationMessage={refusal ?? undefined}
      >
        <Textarea
          ref={area}
          className={layout.full}
          resize="vertical"
          value={text}
          onChange={(_, data) => setText(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") onDone();
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
      </Field>
      <div className={layout.row}>
        <Button appearance="primary" size="small" disabled={saving || busy} icon={saving ? <Spinner size="tiny" /> : undefined} onClick={() => void save()}>
          {t("save")}
        </Button>
        <Button size="small" disabled={saving} onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
