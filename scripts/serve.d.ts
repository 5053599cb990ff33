// Types for scripts/serve.js (CommonJS), so strict TypeScript tests can import it.
import type { Server } from "node:https";

export interface CertificateFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface Certificates {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
  paths: CertificateFiles;
  /** Which generator made them in this call ("office-addin-dev-certs" | "openssl"), or null when reused. */
  generated: string | null;
}

export function ensureCertificates(
  certDir?: string,
  options?: { days?: number; log?: (message: string) => void; generator?: "openssl" | string },
): Promise<Certificates>;

export interface RunningServer {
  server: Server;
  port: number;
  host: string;
  url: string;
  close(): Promise<void>;
}

export function startServer(options: {
  root: string;
  port?: number;
  host?: string;
  certDir?: string;
  certs?: { key: Buffer; cert: Buffer };
}): Promise<RunningServer>;

export function resolveRequestPath(root: string, rawUrl: string): { status: 200; file: string } | { status: 400 | 403 | 404 };
export function contentTypeFor(file: string): string;
export function banner(info: { url: string; root: string; certPaths: CertificateFiles; generated: string | null; manifest?: string | null }): string;
export function manifestForPort(xml: string, url: string): string;
export const CONTENT_TYPES: Record<string, string>;
