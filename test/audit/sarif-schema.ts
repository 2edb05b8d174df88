import Ajv from 'ajv';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * The OASIS SARIF 2.1.0 JSON schema (final, "rtm.5") as Microsoft's @microsoft/jest-sarif package
 * ships it, checked with ajv 6, which still reads the schema's draft-04 dialect (ajv 8 does not).
 */
const require = createRequire(import.meta.url);

export const SARIF_SCHEMA_FILE: string = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

export type SarifValidator = (log: unknown) => { valid: boolean; errors: string[] };

export function sarifValidator(): SarifValidator {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as object);
  return (log) => {
    const valid = validate(log) === true;
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`) };
  };
}
