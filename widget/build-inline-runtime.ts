import type { Plugin } from "vite";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * When two chunks need rolldown's runtime helper (it builds the namespace object of a lazily imported module in a
 * shared chunk), rolldown gives it a chunk of its own, which manual chunks cannot claim: one more request for a
 * visitor (~500 B on the wire with headers) for ~150 B of code. This copies the helper into each chunk that imports
 * it instead; it holds no state, so each copy works alone. Fails the build if rolldown's output changes shape.
 */
export function inlineRolldownRuntime(): Plugin {
  return {
    name: "handoff-inline-rolldown-runtime",
    generateBundle(_options, bundle) {
      for (const [key, runtime] of Object.entries(bundle)) {
        if (runtime.type !== "chunk" || !/^rolldown-runtime[-.]/.test(runtime.fileName)) continue;
        const exported = /export\s*\{([^}]*)\};?\s*$/.exec(runtime.code);
        if (!exported || /^\s*import\b/m.test(runtime.code)) this.error(`unexpected ${runtime.fileName}`);
        const body = runtime.code.slice(0, exported.index);
        // `local as name` pairs, as the runtime chunk exports them.
        const names = exported[1]
          .split(",")
          .map((s) => s.trim().split(/\s+as\s+/))
          .filter(([local]) => local);
        const object = names.map(([local, name = local]) => `${name}:${local}`).join(",");
        const from = `["']\\./${escapeRegExp(runtime.fileName)}["']`;
        for (const file of Object.values(bundle)) {
          if (file.type !== "chunk" || file === runtime || !file.code.includes(runtime.fileName)) continue;
          const statement = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${from};?`).exec(file.code);
          if (!statement || new RegExp(from).test(file.code.slice(statement.index + statement[0].length)))
            this.error(`cannot inline ${runtime.fileName} into ${file.fileName}`);
          // `import{t as e}from"./rolldown-runtime-….js"` -> `const{t:e}=(()=>{…;return{t:t}})();`
          const bindings = statement[1].replace(/\s+as\s+/g, ":");
          file.code = `${file.code.slice(0, statement.index)}const{${bindings}}=(()=>{${body}\n;return{${object}}})();${file.code.slice(statement.index + statement[0].length)}`;
          file.imports = file.imports.filter((f) => f !== runtime.fileName);
        }
        delete bundle[key];
      }
    },
  };
}
