import { todayIn } from '../../frame/zoned-time.js';
import { formatInstant, formatLongDate } from '../frame/charges-format.js';
import type { Entry, EntryKind } from './journal-schemas.js';
import type { JournalExport } from './export-record.js';

/**
 * The client's journal as a file. Markdown for reading: the client's words are put in exactly as
 * written (plain text; nothing escaped, nothing rendered here), under headings naming each entry.
 * JSON for keeping or moving elsewhere: every field, with a format version.
 */
export const EXPORT_FORMAT_VERSION = 1;

const KIND_NAMES: Record<EntryKind, string> = {
  free_association: 'Free association',
  dream: 'Dream',
  reflection: 'Reflection',
  check_in: 'Check-in',
};

export function exportFileName(data: JournalExport, extension: 'md' | 'json'): string {
  return `undercurrent-journal-${todayIn(data.timeZone, data.exportedAt)}.${extension}`;
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function sharingLine(entry: Entry, zone: string): string {
  const s = entry.sharing;
  if (s.state === 'private' || !s.sharedAt) return 'Private';
  const shared = `Shared with your therapist on ${formatInstant(new Date(s.sharedAt), zone)}`;
  if (s.state === 'withdrawn' && s.withdrawnAt) {
    return `${shared}; withdrawn on ${formatInstant(new Date(s.withdrawnAt), zone)}`;
  }
  return s.bringNext ? `${shared}; to bring to the next session` : shared;
}

function factLines(entry: Entry, data: JournalExport, byId: Map<string, Entry>): string[] {
  const zone = data.timeZone;
  const facts: string[] = [];
  if (entry.dreamtOn) {
    const on = formatLongDate(entry.dreamtOn);
    facts.push(entry.dreamPeriod === 'nap' ? `Dreamt in a nap on ${on}` : `Dreamt on the night of ${on}`);
  }
  if (entry.nightmare) facts.push('A nightmare');
  if (entry.lucid) facts.push('A lucid dream');
  if (entry.mood !== null) facts.push(`Mood: ${entry.mood} out of 10`);
  if (entry.timerMinutes !== null) facts.push(`Timer: ${entry.timerMinutes} minutes`);
  if (entry.secondsSpent > 0) facts.push(`Time spent writing: ${duration(entry.secondsSpent)}`);
  const session = entry.appointmentId ? data.sessions.get(entry.appointmentId) : undefined;
  if (session) facts.push(`About the session on ${formatInstant(new Date(session), zone)}`);
  for (const id of entry.recursIds) {
    const earlier = byId.get(id);
    if (earlier) facts.push(`Recurs: the dream written on ${formatInstant(new Date(earlier.createdAt), zone)}`);
  }
  if (entry.conflictOf) facts.push('Kept as a separate copy: it was edited on two devices at once');
  if (entry.tags.length > 0) facts.push(`Tags: ${entry.tags.map((t) => t.name).join(', ')}`);
  facts.push(`${entry.wordCount} word${entry.wordCount === 1 ? '' : 's'}`);
  facts.push(sharingLine(entry, zone));
  return facts.map((fact) => `- ${fact}`);
}

function detailSections(entry: Entry): string[] {
  const d = entry.details;
  if (!d) return [];
  const sections: string[] = [];
  const text = (title: string, value: string) => {
    if (value.length > 0) sections.push(`### ${title}`, '', value, '');
  };
  text('Setting', d.setting);
  text('People', d.people);
  if (d.feelings.length > 0) {
    sections.push('### Feelings on waking', '', ...d.feelings.map((f) => `- ${f.name}: ${f.intensity} out of 5`), '');
  }
  text('The day before', d.dayBefore);
  text('Associations', d.associations);
  return sections;
}

export function journalMarkdown(data: JournalExport): string {
  const byId = new Map(data.entries.map((e) => [e.id, e]));
  const count = data.entries.length;
  const lines = [
    '# My journal',
    '',
    `Exported from Undercurrent on ${formatInstant(data.exportedAt, data.timeZone)}: ` +
      `${count} ${count === 1 ? 'entry' : 'entries'}, oldest first. Your words are exactly as you wrote them.`,
    '',
  ];
  for (const entry of data.entries) {
    lines.push(
      '---',
      '',
      `## ${KIND_NAMES[entry.kind]}, ${formatInstant(new Date(entry.createdAt), data.timeZone)}`,
      '',
      ...factLines(entry, data, byId),
      '',
    );
    if (entry.body.length > 0) lines.push(entry.body, '');
    lines.push(...detailSections(entry));
  }
  if (data.notReady.length > 0) {
    lines.push('---', '', '# Not ready to talk about yet', '', 'Only you have ever been able to see this list.', '');
    for (const item of data.notReady)
      lines.push(`## ${formatInstant(new Date(item.createdAt), data.timeZone)}`, '', item.text, '');
  }
  return `${lines.join('\n')}\n`;
}

export function journalJson(data: JournalExport): string {
  return `${JSON.stringify(
    {
      version: EXPORT_FORMAT_VERSION,
      exportedAt: data.exportedAt.toISOString(),
      timeZone: data.timeZone,
      entries: data.entries.map((entry) => ({
        ...entry,
        session: entry.appointmentId
          ? { id: entry.appointmentId, startsAt: data.sessions.get(entry.appointmentId) ?? null }
          : null,
      })),
      tags: data.tags,
      notReady: data.notReady,
    },
    null,
    2,
  )}\n`;
}
