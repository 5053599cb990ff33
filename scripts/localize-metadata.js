// Excel shows a custom function's name, description and parameter help from functions.json. The English file is
// generated from JSDoc; the Chinese one is derived here from a translation table keyed by the (never-changing)
// function id, so the two cannot drift apart: a missing or stray translation fails the build.
const fs = require("fs");
const { metadataNamingProblems, namespaceProblems } = require("./function-naming");

/**
 * custom-functions-metadata always writes `allowCustomDataForDataTypeAny: true` (its generate.js), a
 * CustomFunctionsRuntime 1.4 feature: with it every function returned #VALUE! on retail Office 2021 (office-js
 * #3504), and rich-value cells would reach the functions as objects. The ZSTJ functions read plain cell values only,
 * so both data-type flags are dropped from the metadata Excel reads.
 */
function withoutDataTypeFlags(metadata) {
  const rest = { ...metadata };
  delete rest.allowCustomDataForDataTypeAny;
  delete rest.allowErrorForDataTypeAny;
  return rest;
}

/** The namespace the manifest gives the functions (<Namespace resid="…"/> → its bt:String), or null. */
function manifestNamespace(manifestXml) {
  const resid = /<Namespace\s+resid="([^"]+)"/.exec(manifestXml);
  if (!resid) return null;
  const escaped = resid[1].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const value = new RegExp(`<bt:String\\s+id="${escaped}"\\s+DefaultValue="([^"]*)"`).exec(manifestXml);
  return value ? value[1] : null;
}

function localizeMetadata(source, table) {
  const metadata = withoutDataTypeFlags(source);
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
  const localized = { ...metadata, functions };
  problems.push(...metadataNamingProblems(localized).map((p) => `zh-CN: ${p}`));
  return { metadata: localized, problems };
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
          const english = withoutDataTypeFlags(JSON.parse(source.source.source().toString()));
          compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(english, null, 2)));
          const { metadata, problems } = localizeMetadata(english, table);
          problems.push(...metadataNamingProblems(english));
          problems.forEach((p) => compilation.errors.push(new WebpackError(p)));
          if (this.options.manifest && fs.existsSync(this.options.manifest)) {
            compilation.fileDependencies.add(this.options.manifest);
            const namespace = manifestNamespace(fs.readFileSync(this.options.manifest, "utf8"));
            for (const p of namespace === null ? [] : namespaceProblems(namespace)) {
              compilation.errors.push(new WebpackError(`manifest.xml: ${p}`));
            }
          }
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

module.exports = { localizeMetadata, withoutDataTypeFlags, manifestNamespace, LocalizeFunctionsMetadataPlugin };
