/** Dates and times of the enquiry page, in the device's own time zone (which the page names). */
export const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const keyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The calendar day of an instant here (YYYY-MM-DD), to group times by day. */
export const dayKey = (iso: string): string => keyFormat.format(new Date(iso));
export const dayLabel = (iso: string): string => dayFormat.format(new Date(iso));
export const timeLabel = (iso: string): string => timeFormat.format(new Date(iso));
export const whenLabel = (iso: string): string => `${dayLabel(iso)} at ${timeLabel(iso)}`;
export const dateLabel = (iso: string): string => dateFormat.format(new Date(iso));
