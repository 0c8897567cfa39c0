import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The package's OpenAPI document, as parsed YAML. */
export const openApiDocument = parse(
  fs.readFileSync(path.resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);

// OpenAPI 3.0 schemas are JSON Schema apart from a few keywords (example, …),
// which are ignored here.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(openApiDocument, 'openapi');

/** How a value differs from a schema of `components.schemas`; empty when it matches. */
export function schemaErrors(value: unknown, schemaName: string): string[] {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) {
    throw new Error(`No schema ${schemaName} in openapi.yaml`);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        error => `${error.instancePath || '/'} ${error.message}`,
      );
}
