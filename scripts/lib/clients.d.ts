// Types for scripts/lib/clients.js (CommonJS).
export interface ExcelClient {
  id: string;
  name: { zh: string; en: string };
  excelApi: string;
  customFunctions: string | null;
  webview: string;
  modernWebview: boolean;
  web: boolean;
}
export interface ManifestSet {
  name: string;
  minVersion: string;
}
export const CLIENTS: readonly ExcelClient[];
export const LATEST_EXCEL_API: string;
export function clientSupports(client: ExcelClient, name: string, version?: string): boolean;
export function manifestRequirements(manifestXml: string): ManifestSet[];
export function installable(client: ExcelClient, requirements: readonly ManifestSet[]): boolean;
export function compareVersions(a: string, b: string): number;
