/**
 * Ships @rrweb/record with our patch (patches/@rrweb+record+<version>.patch, see patches/README.md): code paths the
 * recorder never takes are cut, and DOM mutations are processed in batches. The patch is a plain unified diff against
 * the installed dist/record.js, applied strictly (every context line must match): a missing patch for the installed
 * version, or a hunk that does not apply, fails the build. `npx tsx scripts/rrweb-patch.ts` ports it on upgrade.
 * Mechanical, version-independent rewrites follow (dropImageOptions, plainEnums, inlineEnums, plainFields,
 * domNodeTypes); they too fail loudly. The plugin then gives rrweb's internal names short ones (build-rrweb-names.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { renameRrwebInternals } from "./build-rrweb-names.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RECORD_JS = /@rrweb[\\/]record[\\/]dist[\\/]record\.js/;

export const installedRrwebVersion = (): string =>
  JSON.parse(readFileSync(`${ROOT}node_modules/@rrweb/record/package.json`, "utf8")).version;

export const rrwebPatchPath = (version: string) => `${ROOT}patches/@rrweb+record+${version}.patch`;

/**
 * Applies a unified diff to one file's text. No fuzz and no offset: this patch is for one exact rrweb version, so any
 * difference means rrweb changed and the patch must be ported by a person.
 */
export function applyUnifiedDiff(source: string, diff: string): string {
  const lines = source.split("\n");
  const diffLines = diff.split("\n");
  const out: string[] = [];
  let at = 0;
  let hunks = 0;
  for (let i = 0; i < diffLines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(diffLines[i]);
    if (!header) continue;
    hunks++;
    let oldLeft = header[2] === undefined ? 1 : Number(header[2]);
    let newLeft = header[3] === undefined ? 1 : Number(header[3]);
    const start = Number(header[1]) - (oldLeft ? 1 : 0);
    if (start < at) throw new Error(`hunk ${hunks} overlaps the one before it`);
    out.push(...lines.slice(at, start));
    at = start;
    while (oldLeft > 0 || newLeft > 0) {
      const line = diffLines[++i];
      if (line === undefined) throw new Error(`hunk ${hunks} is cut short`);
      const text = line.slice(1);
      if (line[0] === "\\") continue; // "\ No newline at end of file"
      if (line[0] === "+") {
        out.push(text);
        newLeft--;
        continue;
      }
      if (line[0] !== " " && line[0] !== "-") throw new Error(`hunk ${hunks}: unexpected line "${line.slice(0, 40)}"`);
      if (lines[at] !== text)
        throw new Error(`hunk ${hunks} does not apply at line ${at + 1}: expected "${text.slice(0, 80)}"`);
      at++;
      oldLeft--;
      if (line[0] === " ") {
        out.push(text);
        newLeft--;
      }
    }
  }
  if (!hunks) throw new Error("the patch has no hunks");
  out.push(...lines.slice(at));
  return out.join("\n");
}

/** The installed rrweb's record.js with our patch applied; throws when there is none for this version or it fails. */
export function patchRrwebRecord(code: string, version = installedRrwebVersion()): string {
  const path = rrwebPatchPath(version);
  if (!existsSync(path))
    throw new Error(
      `No rrweb patch for the installed @rrweb/record ${version} (${path}). Port it with "npx tsx scripts/rrweb-patch.ts edit", see patches/README.md.`,
    );
  let patched: string;
  try {
    patched = applyUnifiedDiff(code, readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path} does not apply to the installed @rrweb/record ${version}: ${(error as Error).message}`);
  }
  const fail = (message: string) => {
    throw new Error(message);
  };
  return domNodeTypes(plainFields(inlineEnums(plainEnums(dropImageOptions(patched, fail)), fail), fail));
}

/**
 * TypeScript enums compile to IIFEs that also build a number -> name map; rrweb's recorder only reads names, so each
 * becomes a plain object literal (smaller, and constant so the minifier can inline it).
 */
const ENUM = /var (\w+) = \/\* @__PURE__ \*\/ \(\((\w+)\) => \{\n([\s\S]*?)\n {2}return \2;\n\}\)\(\1 \|\| \{\}\);/g;
const ENUM_MEMBER = /^\s*\w+\[\w+\["([^"]+)"\] = (\d+)\] = "[^"]+";$/;

export function plainEnums(code: string): string {
  return code.replace(ENUM, (whole, name: string, _inner: string, body: string) => {
    const members = body.split("\n").map((line) => ENUM_MEMBER.exec(line));
    if (members.some((m) => !m)) return whole; // not the shape we know: keep it
    return `const ${name} = {${members.map((m) => `${JSON.stringify(m![1])}:${m![2]}`).join(",")}};`;
  });
}

/**
 * The minifier keeps `EventType.IncrementalSnapshot` as a property read of the enum object; every `Enum.Member` of a
 * plain enum becomes its number (`3`), and the object is dropped when nothing else reads it (MouseInteractions is
 * also indexed by name, so its object stays). A member the enum lacks is reported, never guessed.
 */
export function inlineEnums(code: string, warn: (message: string) => void = () => undefined): string {
  const enums = new Map<string, Record<string, number>>();
  for (const m of code.matchAll(/^const (\w+) = (\{(?:"[^"]+":\d+,?)+\});$/gm)) enums.set(m[1], JSON.parse(m[2]));
  if (!enums.size) return code;
  const member = new RegExp(`(?<![\\w$.])(${[...enums.keys()].join("|")})\\.(\\w+)\\b(?!\\s*=[^=])`, "g");
  return code.replace(member, (whole, name: string, key: string) => {
    const value = enums.get(name)?.[key];
    if (value === undefined) {
      warn(`rrweb enum ${name} has no member ${key} (rrweb changed?)`);
      return whole;
    }
    return `${value} /* ${name}.${key} */`;
  });
}

/** The DOM's node type constants (fixed by the DOM standard) read as `node.ELEMENT_NODE` become their numbers. */
const NODE_TYPES: Record<string, number> = {
  ELEMENT_NODE: 1,
  TEXT_NODE: 3,
  CDATA_SECTION_NODE: 4,
  COMMENT_NODE: 8,
  DOCUMENT_NODE: 9,
  DOCUMENT_TYPE_NODE: 10,
  DOCUMENT_FRAGMENT_NODE: 11,
};

export function domNodeTypes(code: string): string {
  return code.replace(
    /(?<![\w$.])[\w$]+\.(ELEMENT_NODE|TEXT_NODE|CDATA_SECTION_NODE|COMMENT_NODE|DOCUMENT_NODE|DOCUMENT_TYPE_NODE|DOCUMENT_FRAGMENT_NODE)\b(?!\s*=[^=])/g,
    (whole, name: string) => `${NODE_TYPES[name]} /* ${whole} */`,
  );
}

/**
 * rrweb's classes declare fields through an esbuild helper, `__publicField(this, "name", value)`: a call per field
 * that minifies to `o(this,\`name\`,value)`. An assignment does the same for rrweb's classes (none has a setter or
 * getter of a field's name: checked, the rewrite is refused otherwise) and minifies to `this.name=value`.
 */
const PUBLIC_FIELD = /^(\s+)__publicField\(this, "(\w+)"(\);\n|, )/gm;

export function plainFields(code: string, warn: (message: string) => void = () => undefined): string {
  const fields = new Set([...code.matchAll(PUBLIC_FIELD)].map((m) => m[2]));
  const accessor = [...code.matchAll(/^\s+(?:get|set) (\w+)\(/gm)].find((m) => fields.has(m[1]));
  if (accessor) {
    warn(`rrweb field ${accessor[1]} also has an accessor: __publicField kept (rrweb changed?)`);
    return code;
  }
  // `__publicField(this, "a", v);` becomes `this.a = (v);` (the call's own parenthesis closes it), even over lines.
  // A field with no value is left out: it reads undefined until set all the same, and rrweb never asks which
  // properties an instance has (no `in`, Object.keys or hasOwnProperty on them). In a subclass it would reset what
  // the parent's constructor set, so with any subclass it stays (as `= void 0`).
  const subclass = /\bclass\s+\w*\s*extends\b/.test(code);
  const out = code.replace(PUBLIC_FIELD, (_whole, indent: string, name: string, rest: string) =>
    rest === ", " ? `${indent}this.${name} = (` : subclass ? `${indent}this.${name} = void 0;\n` : "",
  );
  if (/__publicField\(this/.test(out)) {
    warn("rrweb __publicField calls of an unknown shape are left (rrweb changed?)");
    return code;
  }
  return out;
}

/**
 * With canvas and inline images cut, `dataURLOptions` and `inlineImages` are only handed from function to function.
 * Drops every line that declares, passes or copies them; if any other use is left, keeps the code and reports it
 * (the build turns that report into an error).
 */
const IMAGE_OPTION_LINE =
  /^[ \t]*(?:(?:dataURLOptions|inlineImages)(?: = (?:\{\}|false))?|(?:dataURLOptions|inlineImages): this\.(?:dataURLOptions|inlineImages)|"(?:dataURLOptions|inlineImages)"|__publicField\(this, "(?:dataURLOptions|inlineImages)"\);?),?[ \t]*\n/gm;

export function dropImageOptions(code: string, warn: (message: string) => void = () => undefined): string {
  const out = code.replace(IMAGE_OPTION_LINE, "");
  if (!/\b(dataURLOptions|inlineImages)\b/.test(out)) return out;
  warn('rrweb trim "image options" skipped: other uses left (rrweb changed?)');
  return code;
}

/** The Vite plugin: every widget build loads @rrweb/record through it. */
export function patchedRrwebRecord(): Plugin {
  return {
    name: "handoff-patched-rrweb-record",
    transform(code, id) {
      if (!RECORD_JS.test(id)) return null;
      const fail = (message: string) => {
        throw new Error(message);
      };
      return { code: renameRrwebInternals(patchRrwebRecord(code), fail), map: null };
    },
  };
}
