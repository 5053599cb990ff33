// Types for scripts/build-cli.js (CommonJS), so strict TypeScript tests and the bench can import it.
export function buildCli(outDir?: string): Promise<{ file: string; packageJson: string; version: string }>;
export function packCli(outDir?: string): string;
