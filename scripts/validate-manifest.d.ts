// Types for scripts/validate-manifest.js (CommonJS), so strict TypeScript tests can import it.
export interface ValidateOptions {
  /** Build output to look URLs up in; null skips that check. Default: <repo>/dist. */
  distDir?: string | null;
  /** Fail (instead of skip) when distDir does not exist. */
  distRequired?: boolean;
  /** Folder holding OfficeAppManifestV1_1.xsd. Default: env ZS_SCHEMAS_DIR, else ../shared/schemas beside the repo. */
  schemasDir?: string | null;
  /** Path of xmllint, or false to behave as if it were not installed. Default: env ZS_XMLLINT, else "xmllint". */
  xmllint?: string | false;
  /** Overrides the base URL (default: folder of <DefaultSettings><SourceLocation>). */
  baseUrl?: string;
}

export interface ValidationResult {
  manifest: string;
  ok: boolean;
  errors: string[];
  warnings: string[];
  skipped: string[];
  passed: string[];
  baseUrl: string | null;
}

export function validateManifest(manifestPath: string, options?: ValidateOptions): ValidationResult;
export function formatResult(result: ValidationResult): string;
export const DEFAULT_SCHEMAS_DIR: string;
