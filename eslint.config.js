// typescript-eslint's recommended rules plus the Office add-in rules (load/sync discipline for Office.js).
// The plugin's own "recommended" preset also enforces prettier formatting, which we leave to editors.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const globals = {
  Office: "readonly",
  Excel: "readonly",
  CustomFunctions: "readonly",
  OfficeExtension: "readonly",
};


const FACES = ["taskpane", "commands", "web", "cli"];
const ADAPTERS = ["excel", "xlsx"];
const HOST_PACKAGES = ["exceljs", "react", "react-dom", "@fluentui/*", "commander", "node:*", "fs", "path", "os", "zlib", "child_process"];

/** A relative import of one of these folders from a sibling folder (`../x`, `../x/y`, `../../x/y`), except `allowed`. */
function folders(names, allowed = []) {
  const except = allowed.length ? `(?!(?:${allowed.map((a) => a.replace(/[/.]/g, "\\$&")).join("|")})$)` : "";
  return `^(?:\\.\\./)+${except}(?:${names.join("|")})(?:/.*)?$`;
}

function layering() {
  const rule = (regex, packages, message) => [
    "error",
    { patterns: [{ regex, message }, ...(packages.length ? [{ group: packages, message }] : [])] },
  ];
  const pure = {
    "no-restricted-globals": ["error", "Office", "Excel", "window", "document"],
  };
  /** A face may not import another face: shared code belongs in src/app. The page hosts the pane's UI, though. */
  const face = (name, allowed = []) => ({
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": rule(
        folders(FACES.filter((f) => f !== name && !allowed.includes(f))),
        [],
        `a face (src/${name}) must not import another face: move what both need into src/app.`,
      ),
    },
  });
  return [
    {
      files: ["src/core/**/*.ts"],
      rules: {
        "no-restricted-imports": rule(
          folders(["app", ...ADAPTERS, ...FACES, "functions"]),
          HOST_PACKAGES,
          "src/core is pure domain logic: no app layer, adapter, face, Office.js, DOM, Node I/O or exceljs.",
        ),
        ...pure,
      },
    },
    {
      files: ["src/app/**/*.ts"],
      rules: {
        "no-restricted-imports": rule(
          folders([...ADAPTERS, ...FACES, "functions"]),
          HOST_PACKAGES,
          "src/app is pure and imports only src/core: no adapter, face, Office.js, DOM, Node I/O or exceljs.",
        ),
        ...pure,
      },
    },
    {
      files: ["src/functions/**/*.ts"],
      rules: {
        "no-restricted-imports": rule(
          folders(["app", ...ADAPTERS, ...FACES]),
          HOST_PACKAGES,
          "custom functions are thin wrappers over src/core only.",
        ),
      },
    },
    ...ADAPTERS.map((adapter) => ({
      files: [`src/${adapter}/**/*.ts`],
      rules: {
        "no-restricted-imports": rule(
          folders([...FACES, "functions", ...ADAPTERS.filter((a) => a !== adapter)]),
          [],
          "an adapter must not import a face (taskpane, commands, web, cli), the custom functions nor the other adapter: what both share lives in src/app.",
        ),
      },
    })),
    face("taskpane"),
    face("commands"),
    face("web", ["taskpane"]),
    face("cli"),
  ];
}

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", ".certs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The Office.js rules read any `x.value` as a proxy object needing load()/sync(): they apply to the code that
    // talks to Excel, not to exceljs code (src/xlsx, the CLI, scripts) where they would only raise false alarms.
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}", "tests/excel/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  // The layers (README, CONTRIBUTING): core ← app ← adapters (excel, xlsx) ← faces (taskpane, commands, web, cli);
  // functions → core. Each folder may not import from the layers above it, nor a face from another face.
  ...layering(),
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
