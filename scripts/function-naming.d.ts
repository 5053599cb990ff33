// Types for scripts/function-naming.js (CommonJS), so strict TypeScript tests can import it.
export function isCellReference(name: string): boolean;
export function idProblems(id: string): string[];
export function nameProblems(name: string): string[];
export function metadataNamingProblems(metadata: { functions: { id: string; name: string }[] }): string[];
export function namespaceProblems(namespace: string): string[];
