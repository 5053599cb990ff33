// Excel shows a custom function's name, description and parameter help from functions.json. The English file is
// generated from JSDoc; the Chinese one is derived here from a translation table keyed by the (never-changing)
// function id, so the two cannot drift apart: a missing or stray translation fails the build.
const fs = require("fs");

function localizeMetadata(metadata, table) {
  const problems = [];
  const ids = new Set();
  const functions = metadata.functions.map((fn) => {
    ids.add(fn.id);
    const t = table[fn.id];
    if (!t) {
      problems.push(`函数 ${fn.id} 缺少中文翻译 / no zh-CN translation for ${fn.id}`);
      return fn;
    }
    for (const key of ["name", "description"]) {
      if (typeof t[key] !== "string" || t[key].trim() === "") {
        problems.push(`函数 ${fn.id} 缺少 ${key} / ${fn.id} has no zh-CN ${key}`);
      }
    }
    const tParams = t.parameters || {};
    const known = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(tParams)) {
      if (!known.has(name)) problems.push(`函数 ${fn.id} 没有参数 ${name} / ${fn.id} has no parameter ${name}`);
    }
    const parameters = (fn.parameters || []).map((p) => {
      const tp = tParams[p.name];
      if (!tp || !tp.description || !tp.name) {
        problems.push(`函数 ${fn.id} 的参数 ${p.name} 缺少中文名称或说明 / ${fn.id}.${p.name} lacks a zh-CN name or description`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    return { ...fn, name: t.name, description: t.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`翻译表中的 ${id} 不是已定义的函数 / ${id} in the table is not a function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

class LocalizeFunctionsMetadataPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { sources, WebpackError, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(this.options.table);
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.options.source);
          if (!source) return; // metadata generation failed and reported its own errors
          const table = JSON.parse(fs.readFileSync(this.options.table, "utf8"));
          const { metadata, problems } = localizeMetadata(JSON.parse(source.source.source().toString()), table);
          problems.forEach((p) => compilation.errors.push(new WebpackError(p)));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

module.exports = { localizeMetadata, LocalizeFunctionsMetadataPlugin };
