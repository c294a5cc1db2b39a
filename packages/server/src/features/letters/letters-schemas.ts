import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** Request and response shapes of the letters routes (letterhead, templates, letters). */
export const LIMITS = {
  name: 200,
  addressLines: 6,
  addressLine: 120,
  phone: 60,
  email: 320,
  website: 200,
  footer: 300,
  templateName: 120,
  subject: 300,
  templateBody: 20_000,
  recipientName: 200,
  recipientAddress: 1_000,
  body: 20_000,
} as const;

export const Letterhead = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
    addressLines: Type.Array(Type.String({ maxLength: LIMITS.addressLine }), { maxItems: LIMITS.addressLines }),
    phone: Type.String({ maxLength: LIMITS.phone }),
    email: Type.String({ maxLength: LIMITS.email }),
    website: Type.String({ maxLength: LIMITS.website }),
    footer: Type.String({
      maxLength: LIMITS.footer,
      description: 'A line at the foot of every page, e.g. the ICO number',
    }),
  },
  { additionalProperties: false },
);
export type Letterhead = Static<typeof Letterhead>;

export const Placeholder = Type.Object({ name: Type.String(), description: Type.String() });

export const TemplateSave = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.templateName }),
    subject: Type.String({ maxLength: LIMITS.subject }),
    body: Type.String({ minLength: 1, maxLength: LIMITS.templateBody }),
  },
  { additionalProperties: false },
);
export type TemplateSave = Static<typeof TemplateSave>;

export const LetterTemplate = Type.Object({
  id: Uuid,
  builtIn: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type LetterTemplate = Static<typeof LetterTemplate>;

export const TemplateList = Type.Object({
  templates: Type.Array(LetterTemplate),
  placeholders: Type.Array(Placeholder),
});

const Person = Type.Object({ id: Uuid, displayName: Type.String() });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('final')]);

export const LetterText = {
  recipientName: Type.String({ maxLength: LIMITS.recipientName }),
  recipientAddress: Type.String({ maxLength: LIMITS.recipientAddress }),
};

export const LetterCreate = Type.Object(
  { templateId: Type.Optional(Uuid), ...LetterText },
  { additionalProperties: false },
);

export const LetterSave = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    ...LetterText,
    subject: Type.String({ maxLength: LIMITS.subject }),
    body: Type.String({ maxLength: LIMITS.body }),
  },
  { additionalProperties: false },
);
export type LetterSave = Static<typeof LetterSave>;

export const Letter = Type.Object({
  id: Uuid,
  clientId: Uuid,
  author: Person,
  templateId: Type.Union([Uuid, Type.Null()]),
  status: Status,
  version: Type.Integer(),
  recipientName: Type.String(),
  recipientAddress: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  finalisedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Letter = Static<typeof Letter>;

export const LetterSummary = Type.Object({
  id: Uuid,
  author: Person,
  status: Status,
  version: Type.Integer(),
  recipientName: Type.String(),
  subject: Type.String(),
  finalisedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LetterList = Type.Object({ client: Person, letters: Type.Array(LetterSummary) });
