import { describe, expect, it } from 'vitest';
import type { QueueEntry } from './intake-queue-types';
import { splitQueue } from './queue-filter';

const entry = (id: string, over: Partial<QueueEntry> = {}): QueueEntry => ({
  id,
  name: id,
  status: 'new',
  sameDayReview: false,
  source: 'website',
  createdAt: '2026-12-01T10:00:00Z',
  requestedTherapist: null,
  requestedTherapistId: null,
  requestedStart: null,
  consultationStart: null,
  ...over,
});

const queue = [
  entry('urgent', { status: 'same_day_review', sameDayReview: true }),
  entry('urgent-referred', { status: 'referred_on', sameDayReview: true }),
  entry('new'),
  entry('mine', { status: 'requested', requestedTherapistId: 'me' }),
  entry('theirs', { status: 'requested', requestedTherapistId: 'them' }),
  entry('waiting', { status: 'waiting_list' }),
  entry('accepted', { status: 'accepted', requestedTherapistId: 'me' }),
];
const ids = (list: QueueEntry[]) => list.map((i) => i.id);

describe('splitQueue', () => {
  it('keeps review today apart whatever the filters, and shows open enquiries by default', () => {
    const { urgent, rest } = splitQueue(queue, 'open', 'all', 'me');
    expect(ids(urgent)).toEqual(['urgent']);
    expect(ids(rest)).toEqual(['new', 'mine', 'theirs', 'waiting']);
    expect(ids(splitQueue(queue, 'waiting_list', 'mine', 'me').urgent)).toEqual(['urgent']);
  });

  it('filters by status and by whom the request was addressed to', () => {
    expect(ids(splitQueue(queue, 'all', 'all', 'me').rest)).toEqual([
      'urgent-referred',
      'new',
      'mine',
      'theirs',
      'waiting',
      'accepted',
    ]);
    expect(ids(splitQueue(queue, 'requested', 'all', 'me').rest)).toEqual(['mine', 'theirs']);
    expect(ids(splitQueue(queue, 'all', 'mine', 'me').rest)).toEqual(['mine', 'accepted']);
    expect(ids(splitQueue(queue, 'referred_on', 'all', 'me').rest)).toEqual(['urgent-referred']);
  });
});
