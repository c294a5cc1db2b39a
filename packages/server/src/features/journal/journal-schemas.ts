import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { IsoDate } from '../frame/frame-schemas.js';
import { SafeguardingAnswer } from '../safeguarding/safeguarding-answer-schema.js';

/**
 * Request and response shapes of the client's private space (one place, so routes, web and tests
 * agree). The web mirror is packages/web/src/api/journal-types.ts.
 */

/** The most text one entry holds, counted in characters as a person counts them (code points). */
export const MAX_ENTRY_CHARACTERS = 100_000;
/**
 * The schema bound is looser than MAX_ENTRY_CHARACTERS (UTF-16 units; an emoji is two) so a long entry
 * reaches the route, which answers with the friendly message naming the count (entry-text.ts).
 */
const LongText = Type.String({ maxLength: 2 * MAX_ENTRY_CHARACTERS + 1000 });

export const EntryKind = Type.Union([
  Type.Literal('free_association'),
  Type.Literal('dream'),
  Type.Literal('reflection'),
  Type.Literal('check_in'),
]);
export type EntryKind = Static<typeof EntryKind>;

export const Feeling = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    /** 1 (faint) … 5 (overwhelming). */
    intensity: Type.Integer({ minimum: 1, maximum: 5 }),
  },
  { additionalProperties: false },
);

/** A dream's details beyond the dream itself; each text is the client's own words. */
export const DreamDetails = Type.Object(
  {
    setting: LongText,
    people: LongText,
    feelings: Type.Array(Feeling, { maxItems: 30 }),
    dayBefore: LongText,
    associations: LongText,
  },
  { additionalProperties: false },
);
export type DreamDetails = Static<typeof DreamDetails>;

/** What a save carries: the whole of the entry's content as the device has it. */
export const EntryContent = {
  body: LongText,
  details: Type.Optional(Type.Union([DreamDetails, Type.Null()])),
  mood: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Null()])),
  dreamtOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  dreamPeriod: Type.Optional(Type.Union([Type.Literal('night'), Type.Literal('nap'), Type.Null()])),
  nightmare: Type.Optional(Type.Boolean()),
  lucid: Type.Optional(Type.Boolean()),
  recursIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  appointmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  timerMinutes: Type.Optional(Type.Union([Type.Literal(5), Type.Literal(10), Type.Literal(20), Type.Null()])),
  secondsSpent: Type.Optional(Type.Integer({ minimum: 0, maximum: 604_800 })),
};

/**
 * PUT /api/journal/entries/:id. `baseVersion` is the version the device last had (0 for an entry it
 * has just started, with an id it made up itself, so a retried first save never makes two entries).
 */
export const EntrySave = Type.Object(
  { kind: EntryKind, baseVersion: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), ...EntryContent },
  { additionalProperties: false },
);
export type EntrySave = Static<typeof EntrySave>;

export const TagRef = Type.Object({ id: Uuid, name: Type.String() });

export const SharingState = Type.Union([Type.Literal('private'), Type.Literal('shared'), Type.Literal('withdrawn')]);

export const EntrySharing = Type.Object({
  state: SharingState,
  sharedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  bringNext: Type.Boolean(),
  /** The session it will be brought to (the client's next scheduled session), when there is one. */
  bringSession: Type.Union([Type.Object({ id: Uuid, startsAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
  withdrawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** When the therapist first opened the current (or last) share; null if never. */
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const DateTime = Type.String({ format: 'date-time' });

const EntryFacts = {
  id: Uuid,
  kind: EntryKind,
  wordCount: Type.Integer(),
  mood: Type.Union([Type.Integer(), Type.Null()]),
  dreamtOn: Type.Union([Type.String(), Type.Null()]),
  dreamPeriod: Type.Union([Type.Literal('night'), Type.Literal('nap'), Type.Null()]),
  nightmare: Type.Boolean(),
  lucid: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const Entry = Type.Object({
  ...EntryFacts,
  version: Type.Integer(),
  body: Type.String(),
  details: Type.Union([DreamDetails, Type.Null()]),
  recursIds: Type.Array(Uuid),
  appointmentId: Type.Union([Uuid, Type.Null()]),
  timerMinutes: Type.Union([Type.Integer(), Type.Null()]),
  secondsSpent: Type.Integer(),
  conflictOf: Type.Union([Uuid, Type.Null()]),
  tags: Type.Array(TagRef),
  sharing: EntrySharing,
});
export type Entry = Static<typeof Entry>;

export const EntrySummary = Type.Object({
  ...EntryFacts,
  /** The first 200 or so characters of the body. */
  excerpt: Type.String(),
  conflictOf: Type.Union([Uuid, Type.Null()]),
  tags: Type.Array(TagRef),
  sharing: Type.Object({ state: SharingState, bringNext: Type.Boolean() }),
});
export type EntrySummary = Static<typeof EntrySummary>;

/** GET /api/journal/entries: newest first; `nextCursor` fetches the page after. */
export const EntryQuery = Type.Object(
  {
    kind: Type.Optional(EntryKind),
    sharing: Type.Optional(Type.Union([Type.Literal('private'), Type.Literal('shared'), Type.Literal('to_bring')])),
    tag: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export const EntryPage = Type.Object({
  entries: Type.Array(EntrySummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const SaveResult = Type.Object({
  /** The entry as the server now holds it under this id. */
  entry: Entry,
  /**
   * Set when another device had saved different text over the same version: this device's text was
   * kept as a new entry (conflictOf = entry.id) rather than dropped. The device goes on editing the copy.
   */
  conflictCopy: Type.Union([Entry, Type.Null()]),
  /** Set when the words saved matched the practice's risk-language list (features/safeguarding). */
  safeguarding: SafeguardingAnswer,
});

export const ShareBody = Type.Object({ bringNext: Type.Boolean() }, { additionalProperties: false });

export const Tag = Type.Object({ id: Uuid, name: Type.String(), count: Type.Integer() });
export const TagName = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);
export const EntryTagsBody = Type.Object(
  { tagIds: Type.Array(Uuid, { maxItems: 30 }) },
  { additionalProperties: false },
);

export const NotReadyItem = Type.Object({ id: Uuid, text: Type.String(), createdAt: DateTime, updatedAt: DateTime });
export const NotReadyText = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2 * MAX_ENTRY_CHARACTERS + 1000 }) },
  { additionalProperties: false },
);

/** The therapist's view of one share: never the content once it is withdrawn. */
export const SharedItem = Type.Object({
  shareId: Uuid,
  entryId: Type.Union([Uuid, Type.Null()]),
  kind: EntryKind,
  sharedAt: DateTime,
  withdrawnAt: Type.Union([DateTime, Type.Null()]),
  bringNext: Type.Boolean(),
  /** On the list for the next session: marked to bring since the last session, and still shared. */
  toBring: Type.Boolean(),
  /** Shared since the client's last session with this therapist. */
  sinceLastSession: Type.Boolean(),
  readAt: Type.Union([DateTime, Type.Null()]),
  /** The client edited the entry after the therapist last read it. */
  updatedSinceRead: Type.Boolean(),
  /** Null once withdrawn. */
  excerpt: Type.Union([Type.String(), Type.Null()]),
  writtenAt: Type.Union([DateTime, Type.Null()]),
  dreamtOn: Type.Union([Type.String(), Type.Null()]),
});

export const SharedList = Type.Object({
  client: Type.Object({ id: Uuid, displayName: Type.String() }),
  lastSession: Type.Union([Type.Object({ id: Uuid, startsAt: DateTime }), Type.Null()]),
  nextSession: Type.Union([Type.Object({ id: Uuid, startsAt: DateTime }), Type.Null()]),
  items: Type.Array(SharedItem),
});

/** What the therapist reads of a shared entry: the content, never the client's tags. */
export const SharedEntry = Type.Object({
  ...EntryFacts,
  body: Type.String(),
  details: Type.Union([DreamDetails, Type.Null()]),
  appointmentId: Type.Union([Uuid, Type.Null()]),
  timerMinutes: Type.Union([Type.Integer(), Type.Null()]),
  secondsSpent: Type.Integer(),
  recursIds: Type.Array(Uuid),
});

export const SharedSummary = Type.Object({
  clients: Type.Array(Type.Object({ clientId: Uuid, unread: Type.Integer(), toBring: Type.Integer() })),
});
