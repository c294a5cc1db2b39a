import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../components/Badge';
import { ageOf, formatSlot } from './intake-format';
import { iqStrings } from './intake-queue-strings';
import type { IntakeStatus, QueueEntry } from './intake-queue-types';

const s = iqStrings.queue;

export const STATUS_TONE: Record<IntakeStatus, BadgeTone> = {
  new: 'info',
  same_day_review: 'bad',
  requested: 'waiting',
  waiting_list: 'neutral',
  accepted: 'good',
  time_proposed: 'neutral',
  referred_on: 'neutral',
};

/** One enquiry in the queue: who, where it stands, how long it has waited, where it came from, what they asked for. */
export function IntakeCard({ intake }: { intake: QueueEntry }) {
  const age = ageOf(intake.createdAt);
  return (
    <li className="iq-item" data-urgent={intake.sameDayReview}>
      <div className="iq-item-head">
        <h3 className="iq-item-name">
          <Link to={`/intakes/${intake.id}`} aria-label={s.open_(intake.name)}>
            {intake.name}
          </Link>
        </h3>
        <Badge tone={STATUS_TONE[intake.status]}>{iqStrings.status[intake.status]}</Badge>
      </div>
      <p className="iq-item-meta">
        <span>{intake.status === 'waiting_list' ? s.waited(age) : s.received(age)}</span>
        <span>{s.source(iqStrings.source(intake.source))}</span>
      </p>
      {intake.consultationStart && intake.requestedTherapist ? (
        <p className="iq-item-meta">{s.booked(intake.requestedTherapist, formatSlot(intake.consultationStart))}</p>
      ) : intake.requestedStart && intake.requestedTherapist ? (
        <p className="iq-item-meta">{s.asked(intake.requestedTherapist, formatSlot(intake.requestedStart))}</p>
      ) : null}
    </li>
  );
}
