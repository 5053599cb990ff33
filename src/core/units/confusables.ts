/**
 * Look-alike character pairs that really occur as typos in unit names. Each pair is either typed with the same
 * pinyin in an input method (璧/壁/碧 bì, 綦/棋/淇/祺 qí, 潼/童 tóng, 黔/钤 qián, 梁/粱 liáng) or misread
 * from its shape (酉/西, 涪 fú read as péi → 培). Deliberately small: every pair added makes two real
 * names look closer, and a suggestion is only useful when the right unit comes first.
 * Only suggestions use this table; a look-alike is never accepted as a match.
 */
const PAIRS: [string, string][] = [
  ["璧", "壁"],
  ["璧", "碧"],
  ["綦", "棋"],
  ["綦", "淇"],
  ["綦", "祺"],
  ["梁", "粱"],
  ["潼", "童"],
  ["黔", "钤"],
  ["酉", "西"],
  ["涪", "培"],
];

const LOOK_ALIKE = new Set<string>(PAIRS.flatMap(([a, b]) => [a + b, b + a]));

export function areLookAlike(a: string, b: string): boolean {
  return LOOK_ALIKE.has(a + b);
}

/** The characters a clerk may type for `c` (壁 for 璧 and back). */
export function lookAlikesOf(c: string): string[] {
  return PAIRS.flatMap(([a, b]) => (a === c ? [b] : b === c ? [a] : []));
}
