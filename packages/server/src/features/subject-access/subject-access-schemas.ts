import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { IsoDate } from '../frame/frame-schemas.js';

/** Request and response shapes of the subject-access routes (one place, so web and tests agree). */

export const MAX_SAR_TEXT = 5000;

/**
 * A reason a person writes. Required, but an empty or blank one is refused by the route with a message
 * that says which reason is missing (the schema's own "at least 1 characters" would not).
 */
export const Reason = Type.String({ maxLength: MAX_SAR_TEXT, description: 'Why, in a sentence or two' });
export const OptionalText = Type.String({ maxLength: MAX_SAR_TEXT });

export const Channel = Type.Union(
  [
    Type.Literal('in_writing'),
    Type.Literal('email'),
    Type.Literal('verbally'),
    Type.Literal('portal'),
    Type.Literal('other'),
  ],
  { description: 'How the request was made' },
);
export const Requester = Type.Union([Type.Literal('client'), Type.Literal('representative')], {
  description: 'The client, or someone acting for them with their authority',
});
export const IdentityMethod = Type.Union([
  Type.Literal('known_to_practice'),
  Type.Literal('photo_id'),
  Type.Literal('video_call'),
  Type.Literal('documents'),
  Type.Literal('other'),
]);
export const SarStatus = Type.Union([
  Type.Literal('received'),
  Type.Literal('in_preparation'),
  Type.Literal('pack_ready'),
  Type.Literal('delivered'),
  Type.Literal('withdrawn'),
  Type.Literal('refused'),
]);
export const DeliveryMethod = Type.Union([
  Type.Literal('secure_download'),
  Type.Literal('email_attachment'),
  Type.Literal('post'),
  Type.Literal('in_person'),
]);

const Person = Type.Object({ id: Uuid, displayName: Type.String() });

export const SarCreate = Type.Object(
  {
    clientId: Uuid,
    receivedOn: IsoDate,
    channel: Channel,
    requester: Requester,
    representative: Type.Optional(
      Type.Union([Type.String({ maxLength: MAX_SAR_TEXT }), Type.Null()], {
        description: 'Who is acting for the client, and their authority (when the requester is a representative)',
      }),
    ),
    identityCheckedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    identityMethod: Type.Optional(Type.Union([IdentityMethod, Type.Null()])),
    notes: Type.Optional(OptionalText),
  },
  { additionalProperties: false },
);

export const SarUpdate = Type.Object(
  {
    channel: Type.Optional(Channel),
    requester: Type.Optional(Requester),
    representative: Type.Optional(Type.Union([Type.String({ maxLength: MAX_SAR_TEXT }), Type.Null()])),
    identityCheckedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    identityMethod: Type.Optional(Type.Union([IdentityMethod, Type.Null()])),
    notes: Type.Optional(OptionalText),
    status: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('in_preparation')])),
  },
  { additionalProperties: false },
);

export const SarExtend = Type.Object(
  {
    dueOn: IsoDate,
    reason: Reason,
    clientToldOn: IsoDate,
  },
  { additionalProperties: false },
);

export const SarClose = Type.Object(
  { outcome: Type.Union([Type.Literal('withdrawn'), Type.Literal('refused')]), reason: Reason },
  { additionalProperties: false },
);

export const SarDecision = Type.Object({ include: Type.Boolean(), reason: Reason }, { additionalProperties: false });

export const SarDelivery = Type.Object(
  { packId: Uuid, method: DeliveryMethod, deliveredOn: IsoDate },
  { additionalProperties: false },
);

export const SarSummary = Type.Object({
  id: Uuid,
  client: Person,
  receivedOn: IsoDate,
  /** The date that counts: the extended one when extended. */
  dueOn: IsoDate,
  originalDueOn: IsoDate,
  extended: Type.Boolean(),
  daysLeft: Type.Integer(),
  overdue: Type.Boolean(),
  status: SarStatus,
  createdAt: Type.String(),
});

export const AuthorCount = Type.Object({
  author: Person,
  total: Type.Integer(),
  decided: Type.Integer(),
  included: Type.Integer(),
});

export const PackSummary = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  sha256: Type.String(),
  byteSize: Type.Integer(),
  includedProcessNotes: Type.Integer(),
  preparedAt: Type.String(),
  preparedBy: Person,
});

export const DeliverySummary = Type.Object({
  id: Uuid,
  packId: Uuid,
  packVersion: Type.Integer(),
  method: DeliveryMethod,
  deliveredOn: IsoDate,
  recordedBy: Person,
  recordedAt: Type.String(),
});

export const SarDetail = Type.Composite([
  SarSummary,
  Type.Object({
    channel: Channel,
    requester: Requester,
    representative: Type.Union([Type.String(), Type.Null()]),
    identityCheckedOn: Type.Union([IsoDate, Type.Null()]),
    identityMethod: Type.Union([IdentityMethod, Type.Null()]),
    notes: Type.String(),
    extension: Type.Union([Type.Object({ dueOn: IsoDate, reason: Type.String(), clientToldOn: IsoDate }), Type.Null()]),
    closedReason: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    /** Process notes about the client, counted per author: never their text (the admin cannot read them). */
    processNotes: Type.Array(AuthorCount),
    packs: Type.Array(PackSummary),
    deliveries: Type.Array(DeliverySummary),
  }),
]);

export const ReviewNote = Type.Object({
  id: Uuid,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  sessionStartsAt: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  decision: Type.Union([
    Type.Object({ include: Type.Boolean(), reason: Type.String(), decidedAt: Type.String() }),
    Type.Null(),
  ]),
});

export const Review = Type.Object({
  requestId: Uuid,
  client: Person,
  receivedOn: IsoDate,
  dueOn: IsoDate,
  status: SarStatus,
  notes: Type.Array(ReviewNote),
});

export type SarSummaryView = Static<typeof SarSummary>;
export type SarDetailView = Static<typeof SarDetail>;
export type ReviewView = Static<typeof Review>;
