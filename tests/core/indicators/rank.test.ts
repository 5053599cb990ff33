import { makeRanker, rank } from "../../../src/core/indicators";
import { Outcome } from "../../../src/core/result";
import { reasonOf, seededRandom, valueOf } from "./helpers";

const ranksOf = (values: readonly (number | null)[], options = {}): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v)).map((v) => valueOf(rank(v, values, options)));

describe("rank (competition ranking)", () => {
  test("ties share a place and the next place is skipped: 1, 2, 2, 4", () => {
    expect(ranksOf([95, 80, 80, 60])).toEqual([1, 2, 2, 4]);
  });

  test("ascending ranks the smallest first", () => {
    expect(ranksOf([95, 80, 80, 60], { ascending: true })).toEqual([4, 2, 2, 1]);
  });

  test("blank and non-finite entries are not ranked", () => {
    expect(ranksOf([null, 95, null, 80, Number.NaN, 60])).toEqual([1, 2, 3]);
  });

  test("a value outside the list ranks where it would fall", () => {
    expect(valueOf(rank(85, [95, 80, 80, 60]))).toBe(2);
  });

  describe("within a group", () => {
    const values = [95, 80, 70, 60, 50, null];
    const groups = ["主城新区", "渝东北", "主城新区", null, "渝东北", "渝东北"];

    test("only the group's entries count", () => {
      expect(valueOf(rank(70, values, { groups, group: "主城新区" }))).toBe(2);
      expect(valueOf(rank(50, values, { groups, group: "渝东北" }))).toBe(2);
      expect(valueOf(rank(50, values, { groups, group: "渝东北", ascending: true }))).toBe(1);
    });

    test("no group (null or absent) ranks among all entries, including ungrouped ones", () => {
      expect(valueOf(rank(50, values, { groups }))).toBe(5);
      expect(valueOf(rank(50, values, { groups, group: null }))).toBe(5);
    });

    test("an unknown group is not found", () => {
      expect(reasonOf(rank(50, values, { groups, group: "渝西" }))).toBe("not-found");
    });
  });

  test.each<[string, () => Outcome, string, string]>([
    ["a blank value", () => rank(null, [1, 2]), "missing-input", "无本单位数"],
    [
      "a group without a groups column",
      () => rank(1, [1, 2], { group: "主城新区" }),
      "invalid-input",
      "指定了分组“主城新区”但未提供分组列",
    ],
    [
      "groups and values of different lengths",
      () => rank(1, [1, 2], { groups: ["a"] }),
      "invalid-input",
      "分组（1个）与数值（2个）个数不一致",
    ],
  ])("%s is not computable", (_case, run, reason, zh) => {
    const outcome = run();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(outcome.message.zh).toBe(zh);
    }
  });
});

describe("makeRanker", () => {
  const GROUP_NAMES = ["中心城区", "主城新区", "渝东北", "渝东南", null];

  function randomColumn(seed: number, n: number): { values: (number | null)[]; groups: (string | null)[] } {
    const random = seededRandom(seed);
    const values: (number | null)[] = [];
    const groups: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      // 200 distinct amounts for 2,000 rows: plenty of ties. One row in 20 is blank.
      values.push(random() < 0.05 ? null : Math.floor(random() * 200) / 4);
      groups.push(GROUP_NAMES[Math.floor(random() * GROUP_NAMES.length)]);
    }
    return { values, groups };
  }

  test.each([false, true])(
    "agrees with rank on 2,000 random values with ties and groups (ascending: %p)",
    (ascending) => {
      const { values, groups } = randomColumn(20220630, 2000);
      const ranker = makeRanker(values, { groups, ascending });
      const queries = [...values.slice(0, 400), 12.3, -1, 1000, null];
      for (const group of [undefined, null, ...GROUP_NAMES.filter((g) => g !== null)]) {
        for (const v of queries) {
          expect(ranker(v, group)).toEqual(rank(v, values, { groups, group, ascending }));
        }
      }
    },
  );

  test("sorts once: queries never read the values again", () => {
    const n = 10_000;
    const { values } = randomColumn(7, n);
    let reads = 0;
    const counted = new Proxy(values, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const ranker = makeRanker(counted);
    const readsToBuild = reads;
    const ranks = values.map((v) => ranker(v));
    expect(readsToBuild).toBe(n);
    expect(reads).toBe(n);
    expect(ranks.filter((r) => r.ok)).toHaveLength(values.filter((v) => v !== null).length);
  });

  test("reports invalid set-ups on every query instead of throwing", () => {
    const mismatched = makeRanker([1, 2], { groups: ["a"] });
    expect([reasonOf(mismatched(1)), reasonOf(mismatched(2))]).toEqual(["invalid-input", "invalid-input"]);
    const ungrouped = makeRanker([1, 2]);
    expect(reasonOf(ungrouped(1, "a"))).toBe("invalid-input");
    expect(reasonOf(ungrouped(null))).toBe("missing-input");
  });
});
