// Validates every Kubernetes object in the given YAML files (multi-document) against the
// Kubernetes OpenAPI schemas shipped in kubernetes-models. Prints "<kind>/<name>" per valid object.
// Usage: node validate-k8s.mjs <file.yaml>...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: YAML error: ${document.errors.map((e) => e.message).join("; ")}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const label = `${file}: ${object.kind}/${object.metadata?.name}`;
    try {
      const Model = await modelFor(object.apiVersion, object.kind);
      new Model(object).validate();
      console.log(`valid: ${label}`);
    } catch (error) {
      console.error(`invalid: ${label}: ${error.message}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);

async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    throw new Error("apiVersion and kind are required");
  }
  const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
  return module[kind];
}
