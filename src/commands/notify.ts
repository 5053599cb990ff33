/**
 * Excel has no notification API for a ribbon command without a shared runtime, so a short message is shown in a
 * small dialog (notice.html) that the command closes itself after a few seconds. Any failure to open it is
 * swallowed: a notice must never make the command fail.
 */
export const NOTICE_MS = 4000;

export function noticeUrl(message: string, title: string): string {
  const base = typeof window !== "undefined" ? new URL("notice.html", window.location.href).href : "notice.html";
  return `${base}?${new URLSearchParams({ title, message }).toString()}`;
}

export function showNotice(message: string, title: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(
        noticeUrl(message, title),
        { height: 22, width: 30, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            resolve();
            return;
          }
          setTimeout(() => {
            try {
              result.value.close();
            } finally {
              resolve();
            }
          }, NOTICE_MS);
        },
      );
    } catch {
      resolve();
    }
  });
}
