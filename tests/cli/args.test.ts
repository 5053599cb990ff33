import { langFromArgv, parseArgs } from "../../src/cli/args";
import { parsePeriodOption } from "../../src/cli/period-option";

function options(argv: string[]) {
  const parsed = parseArgs(argv);
  if (parsed.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]) {
  const parsed = parseArgs(argv);
  if (parsed.kind !== "error") throw new Error(`expected an error, got ${parsed.kind}`);
  return parsed;
}

describe("parseArgs", () => {
  it("takes files, folders and globs as inputs with defaults for every option", () => {
    const o = options(["a.xlsx", "报送/", "*.xlsx"]);
    expect(o).toEqual({
      inputs: ["a.xlsx", "报送/", "*.xlsx"],
      sheets: [],
      targets: null,
      rules: null,
      period: null,
      preset: "auto",
      registry: null,
      format: "text",
      out: null,
      lang: "zh",
      limits: {},
      onlyPresent: false,
      previous: [],
    });
  });

  it("--previous is repeatable (the four quarters of a 全年 sheet) and refuses an empty value", () => {
    expect(options(["a.xlsx", "--previous", "Q1.xlsx", "--previous=Q2.xlsx"]).previous).toEqual(["Q1.xlsx", "Q2.xlsx"]);
    expect(parseArgs(["a.xlsx", "--previous", " "])).toMatchObject({ kind: "error", message: { zh: "--previous 需要上期报表文件或文件夹" } });
  });

  it("--rules names a file of 审核公式, read later against the working folder", () => {
    expect(options(["a.xlsx", "--rules", "审核规则.txt"]).rules).toBe("审核规则.txt");
  });

  it("--only-present asks to check only the units listed", () => {
    expect(options(["a.xlsx", "--only-present"]).onlyPresent).toBe(true);
  });

  it("reads every option, --sheet repeatable, --opt=value too", () => {
    const o = options([
      "a.xlsx",
      "--sheet",
      "汇总表",
      "--sheet=附表",
      "--targets",
      "t.xlsx#目标",
      "--period",
      "2022-06",
      "--preset",
      "chongqing-2026",
      "--format",
      "json",
      "--out",
      "out",
      "--lang",
      "en",
    ]);
    expect(o.sheets).toEqual(["汇总表", "附表"]);
    expect(o.targets).toBe("t.xlsx#目标");
    expect(o.period?.label).toBe("2022年1-6月");
    expect(o.preset).toBe("chongqing-2026");
    expect(o.format).toBe("json");
    expect(o.out).toBe("out");
    expect(o.lang).toBe("en");
  });

  it("converts the limits flags to bytes and counts", () => {
    const o = options(["a.xlsx", "--max-size", "5", "--max-entries", "50", "--max-inflated", "0.5", "--max-ratio", "30"]);
    expect(o.limits).toEqual({ maxFileBytes: 5 * 1024 * 1024, maxEntries: 50, maxInflatedBytes: 512 * 1024, maxCompressionRatio: 30 });
  });

  it("refuses a limit that is not a positive number", () => {
    expect(error(["a.xlsx", "--max-size", "abc"]).message.zh).toContain("--max-size");
    expect(error(["a.xlsx", "--max-ratio", "0"]).message.en).toContain("positive number");
  });

  it("shows help for -h/--help and the version for -V/--version, whatever else is on the line", () => {
    expect(parseArgs(["--help"])).toEqual({ kind: "help", lang: "zh" });
    expect(parseArgs(["a.xlsx", "-h", "--lang", "en"])).toEqual({ kind: "help", lang: "en" });
    expect(parseArgs(["-V"]).kind).toBe("version");
    expect(parseArgs(["--version"]).kind).toBe("version");
  });

  it("reports an unknown option in Chinese, or English with --lang en", () => {
    const zh = error(["a.xlsx", "--bogus"]);
    expect(zh.message.zh).toBe("未知选项 --bogus");
    expect(zh.usage).toBe(true);
    const en = error(["--lang", "en", "a.xlsx", "--shete", "x"]);
    expect(en.lang).toBe("en");
    expect(en.message.en).toMatch(/^unknown option --shete/);
  });

  it("reports an option missing its value", () => {
    expect(error(["a.xlsx", "--period"]).message.zh).toBe("选项 --period <period> 缺少取值");
  });

  it("refuses a bad --period, --preset, --format or --lang", () => {
    expect(error(["a.xlsx", "--period", "13月"]).message.zh).toContain("无法识别的期间");
    expect(error(["a.xlsx", "--period", "2022-13"]).message.zh).toContain("无法识别的期间");
    const preset = error(["a.xlsx", "--preset", "beijing"]);
    expect(preset.message.zh).toContain("chongqing-2020");
    expect(preset.message.zh).toContain("chongqing-2026");
    expect(error(["a.xlsx", "--format", "xml"]).message.en).toContain("text or json");
    expect(error(["a.xlsx", "--lang", "fr"]).message.zh).toContain("zh 或 en");
  });

  it("refuses a command line without files", () => {
    const e = error([]);
    expect(e.message.zh).toBe("没有指定要检查的文件");
    expect(e.usage).toBe(true);
    expect(error(["--lang", "en"]).message.en).toBe("no files given to check");
  });

  it("takes a file name starting with '-' after --", () => {
    expect(options(["--", "-odd.xlsx"]).inputs).toEqual(["-odd.xlsx"]);
  });
});

describe("langFromArgv", () => {
  it("finds --lang before the real parse, in both spellings", () => {
    expect(langFromArgv(["x", "--lang", "en"])).toBe("en");
    expect(langFromArgv(["--lang=en-US", "--bogus"])).toBe("en");
    expect(langFromArgv(["--lang", "zh-CN"])).toBe("zh");
    expect(langFromArgv(["x"])).toBe("zh");
    expect(langFromArgv(["--", "--lang", "en"])).toBe("zh");
  });
});

describe("parsePeriodOption", () => {
  it('reads "2022-06" as the cumulative sheet to June', () => {
    expect(parsePeriodOption("2022-06")).toEqual({ year: 2022, startMonth: 1, endMonth: 6, label: "2022年1-6月" });
    expect(parsePeriodOption("2022-12")?.label).toBe("2022年1-12月");
    expect(parsePeriodOption("2023-1")?.label).toBe("2023年1月");
  });

  it('reads "1-6月" (no year) and "2022年1-6月", dashes as people type them', () => {
    expect(parsePeriodOption("1-6月")).toEqual({ startMonth: 1, endMonth: 6, label: "1-6月" });
    expect(parsePeriodOption("2022年1-6月")?.label).toBe("2022年1-6月");
    expect(parsePeriodOption("2022年1—6月")?.label).toBe("2022年1-6月");
    expect(parsePeriodOption("2022年上半年")?.label).toBe("2022年1-6月");
  });

  it("refuses months out of range, bare numbers, dates and text without a period", () => {
    expect(parsePeriodOption("2022-00")).toBeNull();
    expect(parsePeriodOption("2022-13")).toBeNull();
    expect(parsePeriodOption("6")).toBeNull();
    expect(parsePeriodOption("2022-06-30")).toBeNull();
    expect(parsePeriodOption("下个月")).toBeNull();
    expect(parsePeriodOption("")).toBeNull();
  });
});
