import { iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/** The client's account: name, e-mail, status, when it was made, and who has cared for them. */
export interface AccountData {
  displayName: string;
  email: string;
  status: string;
  createdAt: string;
  timeZone: string | null;
  careTeam: { therapist: string; from: string; until: string | null }[];
}

export const accountSection = packSection<AccountData>({
  key: 'account',
  title: 'Your account',
  async assemble(tx, scope) {
    const user = await tx.query<{
      display_name: string;
      email: string;
      status: string;
      created_at: Date;
      time_zone: string | null;
    }>('SELECT display_name, email, status, created_at, time_zone FROM users WHERE id = $1', [scope.clientId]);
    const person = user.rows[0];
    if (!person) throw new Error('the client of a subject access request has no account');
    const care = await tx.query<{ therapist: string; created_at: Date; ended_at: Date | null }>(
      `SELECT t.display_name AS therapist, c.created_at, c.ended_at
         FROM care_assignments c JOIN users t ON t.practice_id = c.practice_id AND t.id = c.therapist_id
        WHERE c.client_id = $1 ORDER BY c.created_at, t.display_name`,
      [scope.clientId],
    );
    return {
      displayName: person.display_name,
      email: person.email,
      status: person.status,
      createdAt: iso(person.created_at),
      timeZone: person.time_zone,
      careTeam: care.rows.map((c) => ({
        therapist: c.therapist,
        from: iso(c.created_at),
        until: c.ended_at ? iso(c.ended_at) : null,
      })),
    };
  },
  toPdf(data, print) {
    return [
      {
        kind: 'fields',
        rows: [
          ['Name', data.displayName],
          ['E-mail', data.email],
          ['Account', words(data.status)],
          ['Account made', print.dateTime(data.createdAt)],
          ['Time zone', data.timeZone ?? 'The practice’s'],
        ],
      },
      { kind: 'heading', level: 3, text: 'Therapists who have cared for you' },
      ...(data.careTeam.length === 0
        ? [{ kind: 'paragraph' as const, text: 'None recorded.' }]
        : data.careTeam.map((c) => ({
            kind: 'paragraph' as const,
            text: `${c.therapist}: from ${print.dateTime(c.from)}${c.until ? ` until ${print.dateTime(c.until)}` : ' (current)'}`,
          }))),
    ];
  },
});
