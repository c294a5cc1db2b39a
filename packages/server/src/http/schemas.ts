import { Type, type TSchema } from '@sinclair/typebox';

/** Shapes shared by many routes' request and response schemas. */
export const ErrorResponse = Type.Object(
  {
    error: Type.String(),
    message: Type.String({ description: 'Written for the person who sees it' }),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'ErrorResponse' },
);

/** A UUID as PostgreSQL reads it: the format alone also lets `urn:uuid:…` through, which the database refuses. */
export const Uuid = Type.String({
  format: 'uuid',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 320 });
export const DisplayName = Type.String({ minLength: 1, maxLength: 200 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const RoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('therapist'),
  Type.Literal('supervisor'),
  Type.Literal('client'),
]);
export const Ok = Type.Object({ ok: Type.Literal(true) });

/** The error responses every route may give, merged into its own response schemas. */
export function withErrors<T extends Record<number, TSchema>>(responses: T) {
  const ref = Type.Ref('ErrorResponse');
  return { 400: ref, 401: ref, 403: ref, 404: ref, 409: ref, 413: ref, 415: ref, 429: ref, ...responses };
}
