// Types for scripts/office-js-url.js (CommonJS), so strict TypeScript tests can import it.
export const GLOBAL_OFFICE_JS: string;
export const CHINA_OFFICE_JS: string;
export function officeJsUrl(raw: string | undefined): string;
export function customFunctionsRuntimeUrl(officeJs: string): string;
