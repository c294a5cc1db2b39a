import type { OutcomeReportT } from './results-schemas.js';

/**
 * The outcome report as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled). One row per figure; no names or ids ever.
 *
 * Columns:
 * - measure: what is counted (see LABELS);
 * - count: how many episodes;
 * - denominator: out of how many (blank for a plain count);
 * - percentage: 100 · count / denominator to one decimal place (blank when there is no denominator
 *   or it is 0);
 * - from, to: the range of the days the episodes ended (blank = open).
 */
export const CSV_COLUMNS = ['measure', 'count', 'denominator', 'percentage', 'from', 'to'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

export function reportCsv(report: OutcomeReportT): string {
  const from = report.from ?? '';
  const to = report.to ?? '';
  const count = (measure: string, n: number) => row([measure, String(n), '', '', from, to]);
  const rate = (measure: string, r: OutcomeReportT['recovered']) =>
    row([
      measure,
      String(r.count),
      String(r.denominator),
      r.percentage === null ? '' : r.percentage.toFixed(1),
      from,
      to,
    ]);
  const lines = [
    row(CSV_COLUMNS),
    count('Episodes ended', report.episodes),
    count('Finished a course of treatment (2 or more treatment sessions)', report.finishedCourse),
    rate(
      'Paired data completeness (finished courses with first and last PHQ-9 and GAD-7)',
      report.pairedDataCompleteness,
    ),
    count('Cases at the first measurement', report.casesAtStart),
    rate('Recovered (of cases at the start)', report.recovered),
    rate('Reliably improved (of paired finished courses)', report.reliablyImproved),
    rate('Reliably recovered (of cases at the start)', report.reliablyRecovered),
    rate('Reliably deteriorated (of paired finished courses)', report.deteriorated),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
