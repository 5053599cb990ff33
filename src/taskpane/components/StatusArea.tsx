import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Spinner } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useLayout } from "../styles";
import { Notice, Phase } from "../usePaneState";

export interface StatusAreaProps {
  phase: Phase;
  sheet: string | null;
  progress: number | null;
  loading: boolean;
  notice: Notice | null;
  onDismiss(): void;
}

/**
 * What the pane is doing (a spinner, or a progress bar while a long read reports progress) and the last message:
 * errors in a MessageBar in the user's language, naming the sheet.
 */
export function StatusArea({ phase, sheet, progress, loading, notice, onDismiss }: StatusAreaProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  const working = phase === "detecting" || phase === "checking";
  const label = phase === "checking" ? t("checking", { sheet: sheet ?? "" }) : t("reading", { sheet: sheet ?? "" });
  return (
    <div className={layout.section}>
      {loading && !working && <Spinner size="small" labelPosition="after" label={t("loading")} />}
      {working &&
        (progress !== null ? (
          <Field label={label} validationState="none">
            <ProgressBar value={progress} max={1} thickness="large" />
          </Field>
        ) : (
          <Spinner size="small" labelPosition="after" label={label} />
        ))}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{t(notice.id, notice.vars)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={onDismiss}>
                {t("dismiss")}
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
