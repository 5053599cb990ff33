/** The README's generated sections live between a start and an end marker; this puts new text between them. */
export function betweenMarkers(readme: string, start: string, end: string, text: string): string {
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${readme.slice(0, a + start.length)}\n${text}\n${readme.slice(b)}`;
}
