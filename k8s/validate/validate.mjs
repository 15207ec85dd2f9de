// Checks every object the charts render against its kind's schema (kubernetes-models and the Strimzi and
// CloudNativePG packages). A kind with no schema here fails the run, except the Keycloak operator's, whose fields
// ChartsTest checks against the operator's CRD (KeycloakFieldsTest): nothing is skipped silently.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const CHECKED_BY_CHARTS_TEST = new Set(['k8s.keycloak.org/v2alpha1']);

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === 'kafka.strimzi.io') return `@kubernetes-models/strimzi-kafka-operator/${group}/${version}/${kind}`;
  if (group === 'postgresql.cnpg.io') return `@kubernetes-models/cloudnative-pg/${group}/${version}/${kind}`;
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node validate.mjs <directory of rendered manifests>');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
if (files.length === 0) {
  console.error(`no rendered manifests in ${dir}: nothing was checked`);
  process.exit(1);
}
let failures = 0;
const counts = {};
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (doc.errors.length) {
      console.error(`${file}: not YAML: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const obj = doc.toJSON();
    if (!obj) continue;
    const id = `${file}: ${obj.kind} ${obj.metadata?.name}`;
    const key = `${obj.apiVersion} ${obj.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (CHECKED_BY_CHARTS_TEST.has(obj.apiVersion)) continue;
    let Model;
    try {
      Model = (await import(modulePath(obj.apiVersion, obj.kind)))[obj.kind];
    } catch (e) {
      console.error(`${id}: no schema for ${key}`);
      failures++;
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      console.error(`${id}: ${e.message}`);
      failures++;
    }
  }
}
for (const [key, n] of Object.entries(counts).sort()) {
  const how = CHECKED_BY_CHARTS_TEST.has(key.split(' ')[0]) ? 'fields checked by KeycloakFieldsTest' : 'schema';
  console.log(`${String(n).padStart(3)}  ${key}  (${how})`);
}
if (failures) {
  console.error(`${failures} object(s) fail their schema`);
  process.exit(1);
}
console.log(`every rendered object of ${files.length} deployments matches its schema`);
