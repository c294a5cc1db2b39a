import type { Scoped } from '../../access/access-layer.js';
import type { PdfBlock } from '../../pdf/pdf-document.js';

/**
 * One section of a subject-access pack: what it reads (as the system actor, inside the access layer,
 * so row-level security lets it see the client's whole record) and how its stored JSON is printed.
 * Sections are listed in pack-sections/index.ts, in the order the pack shows them; adding one is one
 * file and one line there.
 */
export interface PackScope {
  practiceId: string;
  requestId: string;
  clientId: string;
  /** The practice's zone, for printing dates and times. */
  timeZone: string;
}

export interface PackSection<T> {
  /** Stable key in the JSON (`sections[].key`). */
  key: string;
  /** The heading a person reads. */
  title: string;
  assemble(tx: Scoped, scope: PackScope): Promise<T>;
  /** The section's pages, from the data exactly as stored in the pack. */
  toPdf(data: T, print: PackPrinter): PdfBlock[];
}

/** A section with its data type erased, as the list holds them. */
export interface AnyPackSection {
  key: string;
  title: string;
  assemble(tx: Scoped, scope: PackScope): Promise<unknown>;
  toPdf(data: unknown, print: PackPrinter): PdfBlock[];
}

/** The stored data is what `assemble` produced, so the section may read it back as its own type. */
export function packSection<T>(section: PackSection<T>): AnyPackSection {
  return {
    key: section.key,
    title: section.title,
    assemble: (tx, scope) => section.assemble(tx, scope),
    toPdf: (data, print) => section.toPdf(data as T, print),
  };
}

/** Dates, times and money as a reader in the practice expects them (en-GB, the practice's zone). */
export interface PackPrinter {
  dateTime(iso: string | null): string;
  date(isoDate: string | null): string;
  money(pence: number, currency: string): string;
}

export function packPrinter(timeZone: string): PackPrinter {
  const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
    date: (isoDate) => (isoDate ? date.format(new Date(`${isoDate}T00:00:00Z`)) : '—'),
    money: (pence, currency) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(pence / 100),
  };
}

/** "did_not_attend" → "did not attend". */
export const words = (code: string | null) => (code ? code.replace(/_/g, ' ') : '—');
