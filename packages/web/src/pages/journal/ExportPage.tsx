import { useRef, useState, type Ref } from 'react';
import { Button } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { Page } from '../../components/Page';
import { LoadError } from '../../components/States';
import { EntryFacts } from './EntryFacts';
import { DreamDetailsView, EntryBody } from './EntryText';
import { exportUrl, useWholeJournal, type JournalExport } from './journal-api';
import { dayLong } from './journal-format';
import { journalStrings as s } from './journal-strings';

type ExportEntry = JournalExport['entries'][number];

function sharingWords(entry: ExportEntry): string {
  return s.exportPage.sharing[entry.sharing.state];
}

/** One entry of the printable copy: its heading, facts, words and details, whole. */
function PrintedEntry({ entry }: { entry: ExportEntry }) {
  return (
    <article className="journal-print-entry">
      <h3>{s.entry.title(s.kinds[entry.kind], dayLong(entry.createdAt))}</h3>
      <EntryFacts entry={entry} />
      <p className="item-meta">
        {sharingWords(entry)}
        {entry.tags.length > 0 ? ` · ${s.exportPage.tags(entry.tags.map((tag) => tag.name).join(', '))}` : ''}
      </p>
      <EntryBody entry={entry} />
      {entry.kind === 'dream' && entry.details ? <DreamDetailsView details={entry.details} headingLevel={4} /> : null}
    </article>
  );
}

/** The whole journal on one page, oldest first, for the browser's print window ("Save as PDF"). */
function PrintableCopy({ journal, heading }: { journal: JournalExport; heading: Ref<HTMLHeadingElement> }) {
  return (
    <section className="journal-print" aria-labelledby="journal-print-copy">
      <h2 id="journal-print-copy" ref={heading} tabIndex={-1}>
        {s.exportPage.copyHeading}
      </h2>
      <p className="muted">
        {s.exportPage.copyMade(dayLong(journal.exportedAt))} {s.exportPage.copyCount(journal.entries.length)}.
      </p>
      {journal.entries.length === 0 ? (
        <p>{s.exportPage.nothing}</p>
      ) : (
        journal.entries.map((entry) => <PrintedEntry key={entry.id} entry={entry} />)
      )}
    </section>
  );
}

/**
 * Taking the journal away: Markdown and JSON files (plain links, so the browser saves them), and a
 * printable copy of everything, fetched only when asked for, that the browser can save as a PDF.
 */
export function ExportPage() {
  const [wanted, setWanted] = useState(false);
  const journal = useWholeJournal(wanted);
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = wanted && journal.data;
  return (
    <Page title={s.exportPage.title} lead={s.exportPage.lead}>
      <div className="stack journal-export">
        <section className="card journal-no-print" aria-labelledby="journal-download">
          <h2 id="journal-download">{s.exportPage.downloadHeading}</h2>
          <p>{s.exportPage.downloadLead}</p>
          <ul className="journal-downloads">
            <li>
              <a className="button button-secondary" href={exportUrl('markdown')} download>
                {s.exportPage.markdown}
              </a>
              <span className="field-hint">{s.exportPage.markdownHint}</span>
            </li>
            <li>
              <a className="button button-secondary" href={exportUrl('json')} download>
                {s.exportPage.json}
              </a>
              <span className="field-hint">{s.exportPage.jsonHint}</span>
            </li>
          </ul>
          <p className="muted">{s.exportPage.devices}</p>
        </section>
        <section className="card journal-no-print" aria-labelledby="journal-pdf">
          <h2 id="journal-pdf">{s.exportPage.printHeading}</h2>
          <p>{s.exportPage.printLead}</p>
          <div className="button-row">
            {ready ? (
              <>
                <Button className="button button-primary" onPress={() => window.print()}>
                  {s.exportPage.print}
                </Button>
                <Button className="button button-quiet" onPress={() => setWanted(false)}>
                  {s.exportPage.hide}
                </Button>
              </>
            ) : (
              <ActionButton
                className="button button-primary"
                isPending={wanted && journal.isFetching}
                onPress={() => {
                  setWanted(true);
                  void journal.refetch().then((result) => {
                    if (result.data) window.setTimeout(() => heading.current?.focus(), 0);
                  });
                }}
              >
                {s.exportPage.prepare}
              </ActionButton>
            )}
          </div>
          <p className="form-status" role="status">
            {wanted && journal.isFetching ? s.exportPage.preparing : ''}
          </p>
          {wanted && journal.isError ? (
            <LoadError error={journal.error} onRetry={() => void journal.refetch()} />
          ) : null}
        </section>
        {ready ? <PrintableCopy journal={journal.data} heading={heading} /> : null}
      </div>
    </Page>
  );
}
