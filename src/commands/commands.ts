/*
 * Ribbon commands. 一键校验 (runValidation) is a placeholder until the validation engine lands: it shows a short
 * "coming soon" notice and always completes the event, so the button never spins or fails.
 */
import { officeLanguage } from "./ui-language";
import { showNotice } from "./notify";

const COMING_SOON = {
  zh: { title: "招商统计助手", message: "一键校验即将推出。现在可以使用 ZS. 开头的函数（如 =ZS.完成率）。" },
  en: { title: "ZS Stats Assistant", message: "One-click validation is coming soon. The ZS. functions are ready to use." },
};

export async function runValidation(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const text = COMING_SOON[officeLanguage()];
    await showNotice(text.message, text.title);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("runValidation", runValidation);
  });
}
