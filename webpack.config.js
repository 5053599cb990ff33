// Builds the three Office entry points (task pane, ribbon commands, custom functions) and the standalone checking
// page (index.html) into dist/, generates the English functions metadata from JSDoc, derives the Chinese one from
// a translation table keyed by function id, and copies the manifest with the production base URL, so a bureau can
// host dist/ on its own intranet server.
//
// Two compilations: the custom functions run in Excel's JavaScript-only runtime, which parses only ECMAScript 2016
// (office-js-docs-pr #4496: a syntax error there registers no function and every =ZSTJ.* shows #NAME?), so
// functions.js is compiled on its own for ES2016; the pane, the page and the commands stay modern. A module shared
// by both (src/core) is compiled once per compilation, which is why one compilation cannot serve both targets.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsMetadataPlugin } = require("./scripts/localize-metadata");
const { productionBaseUrl, DEV_BASE_URL } = require("./scripts/base-url");
const { officeJsUrl, customFunctionsRuntimeUrl } = require("./scripts/office-js-url");

/**
 * webpack's own JS minimizer, told to skip the chunk holding exceljs: that chunk is mostly exceljs's prebuilt,
 * already minified browser bundle, and minifying it again took more than half of a production build. The plugin
 * is resolved from webpack's own dependencies (it is what webpack uses by default); if a webpack update drops it,
 * the default minimizer ("...") is used and the build is merely slower.
 */
function minimizers() {
  let MinimizerPlugin;
  try {
    const webpackDir = path.dirname(require.resolve("webpack/package.json"));
    MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [webpackDir] }));
  } catch {
    return ["..."];
  }
  return [
    new MinimizerPlugin({
      test: /\.[cm]?js(\?.*)?$/i,
      exclude: /^workbook-io\.js$/,
      minify: MinimizerPlugin.terserMinify,
      minimizerOptions: { compress: { passes: 2 } },
    }),
  ];
}

/** The entries that render React: they share one chunk of common code. */
const UI_ENTRIES = ["taskpane", "index"];

/** The ES2016 target of the functions compilation: TypeScript lowers ?. ?? object spread and async for it. */
const FUNCTIONS_TARGET = "ES2016";

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const baseUrl = production ? productionBaseUrl(process.env.ADDIN_BASE_URL) : DEV_BASE_URL;
  const officeJs = officeJsUrl(process.env.OFFICE_JS_URL);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  const only = env.only ? String(env.only).split(",") : null;
  // The React pane replaces the placeholder as soon as its entry exists.
  const taskpaneEntry = fs.existsSync(path.resolve(__dirname, "src/taskpane/index.tsx"))
    ? "./src/taskpane/index.tsx"
    : "./src/taskpane/taskpane.ts";
  const entries = {
    taskpane: taskpaneEntry,
    commands: "./src/commands/commands.ts",
    functions: "./src/functions/functions.ts",
    notice: "./src/commands/notice.ts",
    index: "./src/web/index.tsx",
  };
  const entry = Object.fromEntries(Object.entries(entries).filter(([name]) => !only || only.includes(name)));
  const { functions: functionsEntry, ...appEntry } = entry;
  const copies = [
    ...(!only || entry.index ? [{ from: "assets/icon-*.png", to: "assets/[name][ext]" }] : []),
    ...(only
      ? []
      : [
          { from: "assets/support.html", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
          },
        ]),
    // The page's 示例数据 button fetches the first (same origin); both are offered as downloads.
    ...(entry.index
      ? ["chongqing-2022-h1.xlsx", "targets-2022.xlsx"].map((f) => ({ from: `examples/${f}`, to: `examples/${f}` }))
      : []),
  ];
  // The templates write their Office script tags from these (the standalone page has none: it must work offline).
  const page = (name, title, folder = name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${folder}/${name}.html`,
      chunks: [name],
      title,
      inject: "body",
      officeJs,
      customFunctionsRuntime: customFunctionsRuntimeUrl(officeJs),
    });
  const tsRule = (compilerOptions) => ({
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { transpileOnly: true, onlyCompileBundledFiles: true, compilerOptions } },
  });
  const common = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    // src/xlsx/byte-tools-node.ts uses Node's zlib when it exists; in the page it must be an empty module (no
    // polyfill: the page inflates with the browser's DecompressionStream, injected by src/web/workbook-io.ts).
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { zlib: false } },
    performance: { hints: false },
  };

  const app = {
    ...common,
    name: "app",
    entry: appEntry,
    output: { path: outDir, filename: "[name].js", clean: true },
    module: {
      // exceljs resolves to its prebuilt browser bundle (package.json "browser"), a self-contained UMD file:
      // parsing it would only slow the build down and warn about its internal require().
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
      rules: [tsRule({})],
    },
    optimization: {
      minimizer: minimizers(),
      // Only the two React pages share code. commands.js carries the validation engine (no React, no exceljs)
      // and loads in its own function-file page, so sharing a chunk with the panes would not help it.
      // What both the pane and the page use (React, Fluent) goes into one shared chunk each page loads once, so
      // neither page carries a second copy; what only one uses stays in that page's own file.
      splitChunks: {
        chunks: (chunk) => UI_ENTRIES.includes(chunk.name),
        cacheGroups: {
          default: false,
          defaultVendors: false,
          shared: {
            name: "ui-shared",
            chunks: (chunk) => UI_ENTRIES.includes(chunk.name),
            minChunks: 2,
            minSize: 0,
            enforce: true,
          },
        },
      },
    },
    plugins: [
      ...(entry.taskpane ? [page("taskpane", "招商统计助手")] : []),
      ...(entry.index ? [page("index", "招商统计助手 · 独立校验", "web")] : []),
      ...(entry.commands ? [page("commands", "招商统计助手 commands")] : []),
      ...(entry.notice ? [page("notice", "招商统计助手", "commands")] : []),
      ...(copies.length > 0 ? [new CopyWebpackPlugin({ patterns: copies })] : []),
    ],
    devServer: {
      static: { directory: outDir },
      port: Number(process.env.PORT || 3000),
      host: "localhost",
      server: {
        type: "https",
        options: {
          key: path.resolve(__dirname, ".certs/localhost.key"),
          cert: path.resolve(__dirname, ".certs/localhost.crt"),
          ca: path.resolve(__dirname, ".certs/ca.crt"),
        },
      },
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };

  const hasApp = Object.keys(appEntry).length > 0;
  // functions.js must stay one self-contained file (the manifest loads it as the custom-functions script) and
  // free of React. It is built after the app, so the app's clean of dist/ never removes it.
  const functions = functionsEntry && {
    ...common,
    name: "functions",
    ...(hasApp ? { dependencies: ["app"] } : {}),
    entry: { functions: functionsEntry },
    // webpack's own runtime code, and what the minifier may emit, stay within ES2016 too.
    target: ["web", FUNCTIONS_TARGET.toLowerCase()],
    output: { path: outDir, filename: "[name].js", clean: !hasApp },
    module: { rules: [tsRule({ target: FUNCTIONS_TARGET })] },
    optimization: { minimizer: minimizers() },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new LocalizeFunctionsMetadataPlugin({
        source: "functions.json",
        output: "functions.zh-CN.json",
        table: path.resolve(__dirname, "src/functions/metadata.zh-CN.json"),
        manifest: path.resolve(__dirname, "manifest.xml"),
      }),
      page("functions", "ZSTJ custom functions"),
    ],
  };

  const configs = [...(hasApp ? [app] : []), ...(functions ? [functions] : [])];
  return configs.length === 1 ? configs[0] : configs;
};
