import { Finding, RuleId } from "../findings";
import { RuleContext } from "./context";

/** A check of one sheet. Rules are pure: they read the context and return findings, in any order. */
export interface Rule {
  id: RuleId;
  run(ctx: RuleContext): Finding[];
}
