// Checks every object the charts render, strictly, as `kubeconform -strict` would against the pinned operators:
//  1. its apiVersion must be one the pinned operators and Kubernetes serve (SERVED): Strimzi's v1 only, since
//     Strimzi 1.0 no longer serves v1beta2; a kind the version does not define fails;
//  2. every key must be one its schema declares, with the declared type, and no required one may be missing: each
//     object becomes a typed TypeScript literal checked by the TypeScript compiler against the types of the model
//     packages (generated from the Kubernetes OpenAPI and the operators' CRDs) and of types/ (the Keycloak operator
//     and the Barman Cloud plugin, which no package publishes); TypeScript's excess property check refuses a
//     misspelt or unknown key at any depth, where the schema says the object is not free-form;
//  3. formats, patterns and enums: the packages' own JSON-schema validators, where they exist.
// Usage: node validate.mjs <directory of rendered manifests>; exits non-zero naming each object, path and rule.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORE = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'policy/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1'];
/** apiVersion -> the module directory holding one file per kind, and whether it also has a runtime validator. */
const SERVED = {
  'kafka.strimzi.io/v1': { types: '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1', runtime: true },
  'postgresql.cnpg.io/v1': { types: '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1', runtime: true },
  'monitoring.coreos.com/v1': { types: '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1', runtime: true },
  'k8s.keycloak.org/v2alpha1': { file: '../types/keycloak.js' },
  'barmancloud.cnpg.io/v1': { file: '../types/barman-cloud.js' },
};
for (const v of CORE) {
  SERVED[v] = { types: `kubernetes-models/${v}`, runtime: true };
}

function typeModule(apiVersion, kind) {
  const s = SERVED[apiVersion];
  if (!s) return null;
  return s.file ?? `${s.types}/${kind}`;
}

/** A member's opening text: a scalar ends with its comma, an object or array with its closing line. */
function item(text) {
  return text === '{' || text === '[' ? text : `${text},`;
}

/** The object as a TypeScript expression, one key a line, with the JSON path of each line. */
function literal(value, path, indent, lines, paths) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    value.forEach((v, i) => {
      const at = lines.length;
      lines.push(null);
      paths.push(`${path}[${i}]`);
      lines[at] = `${pad} ${item(literal(v, `${path}[${i}]`, indent + 1, lines, paths))}`;
    });
    lines.push(`${pad}],`);
    paths.push(path);
    return '[';
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    for (const k of keys) {
      const at = lines.length;
      lines.push(null);
      paths.push(path ? `${path}.${k}` : k);
      lines[at] = `${pad} ${JSON.stringify(k)}: ${item(literal(value[k], path ? `${path}.${k}` : k, indent + 1, lines, paths))}`;
    }
    lines.push(`${pad}},`);
    paths.push(path);
    return '{';
  }
  return JSON.stringify(value);
}

/** Checks the rendered manifests of a directory; returns the failures and the count of objects per kind. */
export async function check(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const failures = [];
  const counts = {};
  if (files.length === 0) {
    failures.push(`no rendered manifests in ${dir}: nothing was checked`);
    return { failures, counts };
  }
  const out = join(HERE, 'generated');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const sources = new Map(); // generated file -> { lines: [object id, path] per line }
  for (const file of files) {
    const head = [];
    const lines = [];
    const where = [];
    let n = 0;
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (doc.errors.length) {
        failures.push(`${file}: not YAML: ${doc.errors[0].message}`);
        continue;
      }
      const obj = doc.toJSON();
      if (!obj) continue;
      const id = `${file}: ${obj.kind} ${obj.metadata?.name}`;
      const key = `${obj.apiVersion} ${obj.kind}`;
      counts[key] = (counts[key] ?? 0) + 1;
      const module = typeModule(obj.apiVersion, obj.kind);
      if (!module) {
        failures.push(`${id}: apiVersion ${obj.apiVersion} is not served by the pinned operators and Kubernetes`);
        continue;
      }
      n++;
      head.push(`import type { I${obj.kind} as T${n} } from ${JSON.stringify(module)};`);
      const objLines = [];
      const objPaths = [];
      const first = literal(obj, '', 0, objLines, objPaths);
      lines.push(`export const o${n}: T${n} = ${first}`);
      where.push([id, '(kind)']);
      objLines.forEach((l, i) => {
        lines.push(l);
        where.push([id, objPaths[i]]);
      });
      lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, ';');
      const s = SERVED[obj.apiVersion];
      if (s.runtime) {
        try {
          const Model = (await import(`${s.types}/${obj.kind}`))[obj.kind];
          new Model(obj).validate();
        } catch (e) {
          if (e.code !== 'ERR_MODULE_NOT_FOUND') failures.push(`${id}: ${e.message}`);
        }
      }
    }
    const headWhere = head.map((_, i) => [`${file}: object ${i + 1}`, '(apiVersion and kind)']);
    const target = join(out, file.replace(/\.yaml$/, '.ts'));
    writeFileSync(target, [...head, ...lines].join('\n') + '\n');
    sources.set(resolve(target), [...headWhere, ...where]);
  }
  const program = ts.createProgram([...sources.keys()], {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const map = d.file && sources.get(resolve(d.file.fileName));
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ');
    if (!map) {
      failures.push(`TypeScript: ${text}`);
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const [id, path] = map[line] ?? ['?', '?'];
    failures.push(`${id}: ${path}: ${text.length > 300 ? text.slice(0, 300) + '…' : text}`);
  }
  return { failures, counts };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node validate.mjs <directory of rendered manifests>');
    process.exit(2);
  }
  const { failures, counts } = await check(dir);
  for (const [key, n] of Object.entries(counts).sort()) console.log(`${String(n).padStart(3)}  ${key}`);
  for (const f of failures) console.error(f);
  if (failures.length) {
    console.error(`${failures.length} problem(s): the objects above do not match their schemas`);
    process.exit(1);
  }
  console.log(`every rendered object in ${dir} matches its schema, strictly (no unknown key anywhere)`);
}
