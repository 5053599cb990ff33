import { Outcome } from "../../../src/core/result";
import { roundHalfUp } from "../../../src/core/indicators";

/** The value of an outcome that must be computable; fails the test with the reason otherwise. */
export function valueOf(outcome: Outcome): number {
  if (!outcome.ok) throw new Error(`expected a value, got ${outcome.reason}: ${outcome.message.zh}`);
  return outcome.value;
}

/** Why an outcome is not computable, or "computed" — so a single assertion shows what came back. */
export function reasonOf(outcome: Outcome): string {
  return outcome.ok ? "computed" : outcome.reason;
}

/** A fraction as it is printed: ×100 and rounded half-up to the printed decimals (0.59394 → 59.39). */
export function printedPercent(outcome: Outcome, decimals: number): number {
  return roundHalfUp(valueOf(outcome) * 100, decimals);
}

/** Deterministic PRNG (mulberry32) so that randomised comparisons are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
