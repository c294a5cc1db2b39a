import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';

/**
 * Dr Ruth Mensah's record of Priya in the demo practice, relative to the day it is seeded: a
 * progress note for each session Priya attended — signed within hours, one signed days late, one
 * amended later with a reason, the second-newest still a draft, and the newest left to write — with
 * defences rated on the DMRS hierarchy, interventions, and links to the entries Priya shared before
 * each session (dreams among them discussed). And two of Ruth's process notes, hers alone, sealed
 * under the practice's "process" key.
 *
 * Written as the system, text encrypted under the contexts the routes use; each note has the version
 * rows the routes would have kept (the empty draft, the written draft, the signing). Signed notes are
 * inserted already signed (the database refuses any change to a signed row), amendments after.
 * Runs after the journal. Idempotent: a practice that already has progress notes is left alone.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The practice has no note template row in the demo, so the default threshold applies. */
const LATE_AFTER_HOURS = 72;

export interface DemoRecordSummary {
  progressNotes: number;
  amendments: number;
  processNotes: number;
}

interface DemoNote {
  narrative: string;
  fields: Record<string, string>;
  defences?: { defence: string; level: number }[];
  interventions?: ('clarification' | 'confrontation' | 'interpretation' | 'support' | 'other')[];
}

/** Newest first: the second-newest attended session gets the first (a draft), and so on back. */
const NOTES: DemoNote[] = [
  {
    narrative:
      'P. arrived on time and began with the watch again: she had taken it to be repaired and then could not ' +
      'bring herself to collect it. Long silence. When I wondered aloud whether she was waiting for someone ' +
      'else to fetch it, she laughed and said that was exactly what her mother would have done.',
    fields: {
      themes: 'Her father’s watch; waiting to be looked after; her mother’s practicality.',
      transference: 'Half-expecting me to collect it for her — an invitation to take over.',
      plan: 'Stay with the waiting.',
    },
    interventions: ['clarification'],
  },
  {
    narrative:
      'She spoke of the five minutes she now gives herself before leaving the flat, and how it has become a ' +
      'small fight with the part of her that says she has not earned it. She was more openly angry with me ' +
      'than before about the ending of the previous session coming “too soon”, and then apologised at once.',
    fields: {
      themes: 'Earning rest; anger at endings, quickly undone.',
      transference: 'I am the one who ends things; the anger is retracted before it can land.',
      countertransference: 'A pull to reassure her that the anger was welcome, which I resisted.',
      risk: 'No concerns raised.',
      plan: 'Notice the undoing with her when it happens in the room.',
    },
    defences: [
      { defence: 'undoing', level: 6 },
      { defence: 'self-assertion', level: 7 },
    ],
    interventions: ['clarification', 'interpretation'],
  },
  {
    narrative:
      'A steadier session. She talked about the walk along the canal and the heron, and described it with ' +
      'more feeling than she usually allows. When we came near her brother she moved quickly to what she ' +
      'had read about sibling rivalry — interesting, and at one remove.',
    fields: {
      themes: 'Pleasure allowed; her brother kept at a distance.',
      countertransference: 'Enjoyed her company; then felt shut out when the theory arrived.',
      plan: 'Come back to the brother gently.',
    },
    defences: [
      { defence: 'intellectualisation', level: 6 },
      { defence: 'sublimation', level: 7 },
    ],
    interventions: ['support', 'clarification'],
  },
  {
    narrative:
      'She brought the dream of the lift that would not stop at her floor. Her associations went to the ' +
      'office and the promotion she did not apply for. I linked the lift to our sessions, which also arrive ' +
      'and leave on their own timetable; she said that was “a bit much” and then was quiet for a long time.',
    fields: {
      themes: 'Being carried past where she wants to be; ambition disowned.',
      dreams: 'The lift dream: passing her floor, the button that does nothing.',
      transference: 'The sessions as the lift — reliable, but not hers to stop.',
      plan: 'Leave the interpretation where it is; see what comes back.',
    },
    defences: [
      { defence: 'devaluation-self', level: 4 },
      { defence: 'repression', level: 5 },
    ],
    interventions: ['interpretation'],
  },
  {
    narrative:
      'The first session after the one she missed. She began by saying it did not matter and then spent ' +
      'most of the hour on her fear that I would be cross. We could think together about not getting up ' +
      'that morning as a way of telling me something she could not yet say.',
    fields: {
      themes: 'The missed session; fear of my anger; shame.',
      transference: 'Expects reproach, as from her father.',
      countertransference: 'Relief she came back, and some irritation I noticed and kept.',
      risk: 'Asked about low mood that morning: no thoughts of harming herself.',
      plan: 'Keep the frame steady; the missed session is charged as agreed.',
    },
    defences: [
      { defence: 'denial', level: 3 },
      { defence: 'reaction-formation', level: 5 },
    ],
    interventions: ['clarification', 'confrontation', 'support'],
  },
  {
    narrative:
      'She talked about her mother’s visit and the argument over the kitchen. She presented it as funny, ' +
      'and I pointed out that she was laughing while describing something that had clearly hurt. She ' +
      'stopped, and said she did not know what she would do with the hurt if she let it in.',
    fields: {
      themes: 'Her mother; humour covering hurt.',
      transference: 'Watching whether I laugh with her.',
      plan: 'Her mother stays another week; expect more of this.',
    },
    defences: [{ defence: 'isolation-of-affect', level: 6 }],
    interventions: ['confrontation', 'clarification'],
  },
  {
    narrative:
      'She brought the second house-by-the-sea dream, the one with the locked upstairs room. Associations to ' +
      'her grandmother’s house and the summer her parents separated. Much more affect than in the first ' +
      'dream. She asked whether I thought it meant something “bad”; I said we could be curious about it together.',
    fields: {
      themes: 'The house by the sea again; the summer of the separation.',
      dreams: 'The recurring house dream, now with a locked room upstairs.',
      countertransference: 'Moved; a sense of a door slightly ajar.',
      plan: 'The recurrence itself is worth noticing with her.',
    },
    interventions: ['clarification', 'support'],
  },
  {
    narrative:
      'She wanted to talk about cancelling sessions around a work trip and whether I would “mind”. We ' +
      'looked at how hard it is for her to ask for anything without first apologising for it.',
    fields: { themes: 'Asking; apologising in advance.', plan: 'Trip dates confirmed; cancellation terms explained.' },
    interventions: ['clarification'],
  },
  {
    narrative:
      'Mostly about work: the manager who praises her and then gives her more to do. She described herself ' +
      'as “the reliable one” with a flatness that seemed to cost her something.',
    fields: { themes: 'Reliability as a role; exploitation she does not name.' },
    defences: [
      { defence: 'rationalisation', level: 3 },
      { defence: 'suppression', level: 7 },
    ],
    interventions: ['clarification'],
  },
  {
    narrative:
      'She spoke about her father’s watch for the first time: she wears it though it does not keep time. ' +
      'She cried briefly and then asked about my holiday dates.',
    fields: {
      themes: 'Her father; grief held in an object.',
      transference: 'The question about my holidays after the tears.',
    },
    interventions: ['support', 'interpretation'],
  },
  {
    narrative:
      'She brought her first dream, the house by the sea, and was embarrassed to have written it down. We ' +
      'stayed with the feeling of the house rather than its meaning.',
    fields: {
      dreams: 'The house by the sea: many rooms, the sound of the tide.',
      plan: 'Encourage her to keep writing.',
    },
    interventions: ['support'],
  },
  {
    narrative:
      'Settling into twice-weekly sessions. She found the couch strange and sat up for the first ten ' +
      'minutes. Talked about her sister’s wedding plans.',
    fields: { themes: 'Beginning; her sister.' },
    interventions: ['support', 'clarification'],
  },
  {
    narrative: 'An early session: the history of her sleep difficulties and what she hopes for from therapy.',
    fields: { themes: 'Sleep; hopes for the work.', plan: 'Agree the frame and fees at the next session.' },
    interventions: ['clarification'],
  },
  {
    narrative: 'The first session of the twice-weekly work. She spoke quickly and kept checking the clock.',
    fields: { themes: 'Time; being allowed to take up space.' },
    interventions: ['support'],
  },
  {
    narrative: 'She talked about the move to London ten years ago and the friends she lost touch with.',
    fields: { themes: 'Leaving; losing touch.' },
    interventions: ['clarification'],
  },
  {
    narrative: 'Quiet session. She said she did not know what to talk about and then spoke about her flat.',
    fields: { themes: 'Silence; home.' },
    interventions: ['support'],
  },
];

/** Index into the attended sessions (newest first, 0 = the newest, which has no note yet). */
const DRAFT = 1;
const SIGNED_LATE = 3;
const AMENDED = 5;

const PROCESS_NOTES = [
  {
    session: 3,
    body:
      'Found myself thinking about her on the train home — the heron, and my own father. Keep an eye on ' +
      'how much I want her to be “doing well”; it may be mine as much as hers. Take to supervision.',
  },
  {
    session: null,
    body:
      'A hunch, not yet for the record: the missed session and the lift dream belong together — being ' +
      'carried past, not getting up. Wait until she gets there herself.',
  },
];

interface Session {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export async function seedDemoRecord(
  tx: Scoped,
  userIds: Record<string, string>,
  now: Date = new Date(),
): Promise<DemoRecordSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_notes');
  if ((existing.rows[0]?.n ?? 0) > 0) return counts(tx);
  const ruth = userIds['ruth.mensah'];
  const priya = userIds['priya.nair'];
  if (!ruth || !priya) throw new Error('the demo has no Ruth Mensah or Priya Nair');

  const sessions = await attendedSessions(tx, priya, ruth, now);
  for (const [index, session] of sessions.entries()) {
    const note = index === 0 ? undefined : NOTES[index - 1];
    if (!note) continue;
    const previous = sessions[index + 1];
    const brought = await sharedBetween(tx, priya, previous?.endsAt ?? null, session.startsAt);
    const content = {
      narrative: note.narrative,
      fields: note.fields,
      materialEntryIds: brought.map((e) => e.id),
      dreamEntryIds: brought.filter((e) => e.kind === 'dream').map((e) => e.id),
      defences: note.defences ?? [],
      interventions: note.interventions ?? [],
    };
    const signedAt =
      index === DRAFT
        ? null
        : new Date(session.endsAt.getTime() + (index === SIGNED_LATE ? 5 * DAY : (2 + (index % 4)) * HOUR));
    const noteId = await insertNote(tx, { clientId: priya, authorId: ruth, session, content, signedAt });
    if (index === AMENDED && signedAt) {
      await amend(tx, noteId, ruth, new Date(signedAt.getTime() + 2 * DAY), {
        reason: 'Corrected a detail: the missed session was a Thursday, not a Monday.',
        text:
          'Correction: the session she missed was the Thursday one. Her fear that I would be cross was about ' +
          'the Thursday in particular — “the one before the weekend”.',
      });
    }
  }

  for (const [index, process] of PROCESS_NOTES.entries()) {
    const session = process.session === null ? null : (sessions[process.session] ?? null);
    const id = crypto.randomUUID();
    const at = session ? new Date(session.endsAt.getTime() + 5 * HOUR) : new Date(now.getTime() - (3 + index) * DAY);
    await tx.query(
      `INSERT INTO process_notes (id, practice_id, author_id, client_id, appointment_id, body_enc, created_at, updated_at)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $6)`,
      [
        id,
        ruth,
        priya,
        session?.id ?? null,
        await tx.encrypt('process', `process_notes.body_enc:${id}`, process.body),
        at,
      ],
    );
  }
  return counts(tx);
}

/** The client's sessions with this therapist that she attended and that have ended, newest first. */
async function attendedSessions(tx: Scoped, clientId: string, therapistId: string, now: Date): Promise<Session[]> {
  const result = await tx.query<{ id: string; starts_at: Date; ends_at: Date }>(
    `SELECT id, starts_at, ends_at FROM appointments
      WHERE client_id = $1 AND therapist_id = $2 AND status = 'attended' AND ends_at <= $3
      ORDER BY starts_at DESC, id`,
    [clientId, therapistId, now],
  );
  return result.rows.map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** Entries the client shared (and has not withdrawn) after the previous session and before this one. */
async function sharedBetween(tx: Scoped, clientId: string, after: Date | null, before: Date) {
  const result = await tx.query<{ id: string; kind: string }>(
    `SELECT s.entry_id AS id, s.kind FROM journal_shares s
      WHERE s.client_id = $1 AND s.withdrawn_at IS NULL AND s.entry_id IS NOT NULL
        AND s.shared_at < $3 AND ($2::timestamptz IS NULL OR s.shared_at >= $2)
      ORDER BY s.shared_at`,
    [clientId, after, before],
  );
  return result.rows;
}

interface NoteContent {
  narrative: string;
  fields: Record<string, string>;
  materialEntryIds: string[];
  dreamEntryIds: string[];
  defences: { defence: string; level: number }[];
  interventions: string[];
}

/** A note as the routes leave it: created empty (version 1), written (2), and signed (3) unless `signedAt` is null. */
async function insertNote(
  tx: Scoped,
  note: { clientId: string; authorId: string; session: Session; content: NoteContent; signedAt: Date | null },
): Promise<string> {
  const id = crypto.randomUUID();
  const { content, session, signedAt } = note;
  const createdAt = new Date(session.endsAt.getTime() + 10 * 60_000);
  const writtenAt = new Date(createdAt.getTime() + 40 * 60_000);
  const signed = signedAt !== null;
  const late = signed ? signedAt.getTime() - session.endsAt.getTime() > LATE_AFTER_HOURS * HOUR : null;
  await tx.query(
    `INSERT INTO progress_notes (id, practice_id, client_id, appointment_id, author_id, status, version, narrative_enc,
                                 fields_enc, material_entry_ids, dream_entry_ids, defences, interventions,
                                 session_starts_at, session_ends_at, signed_at, signed_by, signed_late, created_at,
                                 updated_at)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18,
             $19)`,
    [
      id,
      note.clientId,
      session.id,
      note.authorId,
      signed ? 'signed' : 'draft',
      signed ? 3 : 2,
      await tx.encrypt('clinical', `progress_notes.narrative_enc:${id}`, content.narrative),
      await tx.encrypt('clinical', `progress_notes.fields_enc:${id}`, JSON.stringify(content.fields)),
      content.materialEntryIds,
      content.dreamEntryIds,
      JSON.stringify(content.defences),
      content.interventions,
      session.startsAt,
      session.endsAt,
      signedAt,
      signed ? note.authorId : null,
      late,
      createdAt,
      signedAt ?? writtenAt,
    ],
  );
  const empty = { narrative: '', fields: {}, materialEntryIds: [], dreamEntryIds: [], defences: [], interventions: [] };
  const versions: [number, 'draft' | 'signed', NoteContent, Date][] = [
    [1, 'draft', empty, createdAt],
    [2, 'draft', content, writtenAt],
  ];
  if (signedAt) versions.push([3, 'signed', content, signedAt]);
  for (const [version, kind, snapshot, at] of versions) {
    const versionId = crypto.randomUUID();
    await tx.query(
      `INSERT INTO progress_note_versions (id, practice_id, note_id, version, kind, snapshot_enc, saved_by, saved_at)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7)`,
      [
        versionId,
        id,
        version,
        kind,
        await tx.encrypt('clinical', `progress_note_versions.snapshot_enc:${versionId}`, JSON.stringify(snapshot)),
        note.authorId,
        at,
      ],
    );
  }
  return id;
}

async function amend(
  tx: Scoped,
  noteId: string,
  authorId: string,
  at: Date,
  amendment: { reason: string; text: string },
) {
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO progress_note_amendments (id, practice_id, note_id, author_id, reason_enc, text_enc, created_at)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
    [
      id,
      noteId,
      authorId,
      await tx.encrypt('clinical', `progress_note_amendments.reason_enc:${id}`, amendment.reason),
      await tx.encrypt('clinical', `progress_note_amendments.text_enc:${id}`, amendment.text),
      at,
    ],
  );
}

async function counts(tx: Scoped): Promise<DemoRecordSummary> {
  const result = await tx.query<DemoRecordSummary>(
    `SELECT (SELECT count(*) FROM progress_notes)::int AS "progressNotes",
            (SELECT count(*) FROM progress_note_amendments)::int AS amendments,
            (SELECT count(*) FROM process_notes)::int AS "processNotes"`,
  );
  return result.rows[0] as DemoRecordSummary;
}
