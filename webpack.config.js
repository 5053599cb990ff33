// Builds the three Office entry points (task pane, ribbon commands, custom functions) into dist/, generates the
// English functions metadata from JSDoc, derives the Chinese one from a translation table keyed by function id,
// and copies the manifest with the production base URL, so a bureau can host dist/ on its own intranet server.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsMetadataPlugin } = require("./scripts/localize-metadata");
const { productionBaseUrl, DEV_BASE_URL } = require("./scripts/base-url");

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const baseUrl = production ? productionBaseUrl(process.env.ADDIN_BASE_URL) : DEV_BASE_URL;
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  const only = env.only ? String(env.only).split(",") : null;
  const entries = {
    taskpane: "./src/taskpane/taskpane.ts",
    commands: "./src/commands/commands.ts",
    functions: "./src/functions/functions.ts",
    notice: "./src/commands/notice.ts",
  };
  const entry = Object.fromEntries(Object.entries(entries).filter(([name]) => !only || only.includes(name)));
  const page = (name, title, folder = name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${folder}/${name}.html`,
      chunks: [name],
      title,
      inject: "body",
    });

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry,
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, onlyCompileBundledFiles: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...(entry.functions
        ? [
            new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
            new LocalizeFunctionsMetadataPlugin({
              source: "functions.json",
              output: "functions.zh-CN.json",
              table: path.resolve(__dirname, "src/functions/metadata.zh-CN.json"),
            }),
            page("functions", "ZS custom functions"),
          ]
        : []),
      ...(entry.taskpane ? [page("taskpane", "招商统计助手")] : []),
      ...(entry.commands ? [page("commands", "招商统计助手 commands")] : []),
      ...(entry.notice ? [page("notice", "招商统计助手", "commands")] : []),
      ...(only
        ? []
        : [
            new CopyWebpackPlugin({
              patterns: [
                { from: "assets/icon-*.png", to: "assets/[name][ext]" },
                { from: "assets/support.html", to: "assets/[name][ext]" },
                {
                  from: "manifest.xml",
                  to: "manifest.xml",
                  transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
                },
              ],
            }),
          ]),
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
};
