import { Link, useSearchParams } from 'react-router';
import { addDaysIso, mondayOf, todayIn } from '../../lib/frame-format';
import { ISO_DATE } from './fields';
import { frameStrings as t } from './frame-strings';
import { dateInWords } from './frame-words';

/** The week shown, from the address (?week=2027-01-04), so it survives a reload and can be shared. */
export function useWeek(zone: string): { monday: string; sunday: string; days: string[]; isThisWeek: boolean } {
  const [params] = useSearchParams();
  const asked = params.get('week') ?? '';
  const thisMonday = mondayOf(todayIn(zone));
  const monday = ISO_DATE.test(asked) ? mondayOf(asked) : thisMonday;
  const days = Array.from({ length: 7 }, (_, i) => addDaysIso(monday, i));
  return { monday, sunday: addDaysIso(monday, 6), days, isThisWeek: monday === thisMonday };
}

/** Previous / this / next week, as links (the week is in the address). */
export function WeekNav({
  monday,
  isThisWeek,
  headingLevel = 2,
}: {
  monday: string;
  isThisWeek: boolean;
  headingLevel?: 2 | 3;
}) {
  const to = (date: string) => ({ search: `?week=${date}` });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="week-bar">
      <Heading className="week-title">{t.common.weekOf(dateInWords(monday))}</Heading>
      <nav aria-label={t.calendar.weekNav}>
        <ul className="week-links">
          <li>
            <Link className="button button-secondary" to={to(addDaysIso(monday, -7))}>
              <span aria-hidden="true">← </span>
              {t.common.previousWeek}
            </Link>
          </li>
          {isThisWeek ? null : (
            <li>
              <Link className="button button-quiet" to={{ search: '' }}>
                {t.common.thisWeek}
              </Link>
            </li>
          )}
          <li>
            <Link className="button button-secondary" to={to(addDaysIso(monday, 7))}>
              {t.common.nextWeek}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
