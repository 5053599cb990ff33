/** Byte figures for messages: "2.3 GB", "100 MB", "512 KB". Binary multiples, because that is what Windows shows. */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GB"],
    [1024 ** 2, "MB"],
    [1024, "KB"],
  ];
  for (const [size, label] of units) {
    if (n >= size) return `${trim(n / size)} ${label}`;
  }
  return `${n} B`;
}

/** One decimal at most, and none when it is .0 ("1 GB", not "1.0 GB"). */
function trim(x: number): string {
  const s = (Math.round(x * 10) / 10).toFixed(1);
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}

/** `文件 a.xlsx ` / `File a.xlsx ` — or just 文件/The file when the caller gave no name. */
export function fileLabel(fileName: string | undefined): { zh: string; en: string } {
  return fileName ? { zh: `文件 ${fileName} `, en: `File ${fileName} ` } : { zh: "文件", en: "The file " };
}
