import { UnitRecord } from "./types";

/** ISO dates compare correctly as strings; these stand for "since ever" and "still valid". */
const BEGINNING = "0000-01-01";
const END = "9999-12-31";

export interface Window {
  from: string;
  to: string;
}

export function windowOf(item: { validFrom?: string; validTo?: string }): Window {
  return { from: item.validFrom ?? BEGINNING, to: item.validTo ?? END };
}

export function overlaps(a: Window, b: Window): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function covers(outer: Window, inner: Window): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

export function isValidAt(item: { validFrom?: string; validTo?: string }, isoDate: string): boolean {
  return (item.validFrom === undefined || item.validFrom <= isoDate) && (item.validTo === undefined || isoDate <= item.validTo);
}

export function describeWindow(unit: Pick<UnitRecord, "validFrom" | "validTo">): string {
  return `${unit.validFrom ?? "…"} – ${unit.validTo ?? "…"}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: unknown): boolean {
  if (typeof text !== "string") return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}
