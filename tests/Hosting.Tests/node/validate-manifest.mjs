// Validates an Aspire manifest against a local copy of its JSON schema (no network).
// Usage: node validate-manifest.mjs <schema.json> <manifest.json>
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const [schemaPath, manifestPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

// strict: false because the schema carries keywords ajv's strict mode rejects (e.g. "build": false).
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
if (validate(manifest)) {
  console.log(`valid: ${manifestPath}`);
} else {
  for (const error of validate.errors) {
    console.error(`${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}
