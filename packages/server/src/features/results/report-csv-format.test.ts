import { describe, expect, it } from 'vitest';
import { csvField, reportCsv } from './report-csv-format.js';

describe('the outcome report CSV', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes, and leaves others bare', () => {
    expect(csvField('Recovered')).toBe('Recovered');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('writes one CRLF line per figure under the documented header, percentages to one decimal', () => {
    const rate = (count: number, denominator: number) => ({
      count,
      denominator,
      percentage: denominator ? (100 * count) / denominator : null,
    });
    const csv = reportCsv({
      from: '2026-01-01',
      to: null,
      episodes: 4,
      finishedCourse: 3,
      casesAtStart: 0,
      pairedDataCompleteness: rate(2, 3),
      recovered: rate(0, 0),
      reliablyImproved: rate(1, 2),
      reliablyRecovered: rate(0, 0),
      deteriorated: rate(0, 2),
    });
    expect(csv.split('\r\n')).toEqual([
      'measure,count,denominator,percentage,from,to',
      'Episodes ended,4,,,2026-01-01,',
      'Finished a course of treatment (2 or more treatment sessions),3,,,2026-01-01,',
      'Paired data completeness (finished courses with first and last PHQ-9 and GAD-7),2,3,66.7,2026-01-01,',
      'Cases at the first measurement,0,,,2026-01-01,',
      'Recovered (of cases at the start),0,0,,2026-01-01,',
      'Reliably improved (of paired finished courses),1,2,50.0,2026-01-01,',
      'Reliably recovered (of cases at the start),0,0,,2026-01-01,',
      'Reliably deteriorated (of paired finished courses),0,2,0.0,2026-01-01,',
      '',
    ]);
  });
});
