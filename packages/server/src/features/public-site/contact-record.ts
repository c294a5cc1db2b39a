import type { Scoped } from '../../access/access-layer.js';
import type { FieldProblem } from '../frame/episodes-field-errors.js';
import type { Contact } from './public-site-schemas.js';

/** The practice's public contact details (shown wherever a page would say "get in touch"). */
export async function loadContact(tx: Scoped): Promise<Contact> {
  const result = await tx.query<Contact>(
    'SELECT email, phone, address FROM public_settings WHERE practice_id = app_practice_id()',
  );
  return result.rows[0] ?? { email: null, phone: null, address: null };
}

const blankToNull = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function normaliseContact(contact: Contact): Contact {
  return {
    email: blankToNull(contact.email),
    phone: blankToNull(contact.phone),
    address: blankToNull(contact.address),
  };
}

export function contactProblems(contact: Contact): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (contact.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) {
    problems.push({
      field: 'email',
      message: 'Enter an e-mail address like hello@yourpractice.co.uk, or leave it empty.',
    });
  }
  if (contact.phone !== null && !/^\+?[0-9 ()-]{6,40}$/.test(contact.phone)) {
    problems.push({
      field: 'phone',
      message: 'Enter a telephone number using digits, spaces and brackets only, or leave it empty.',
    });
  }
  return problems;
}

export async function saveContact(tx: Scoped, contact: Contact, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO public_settings (practice_id, email, phone, address, updated_at, updated_by)
     VALUES (app_practice_id(), $1, $2, $3, now(), $4)
     ON CONFLICT (practice_id) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone,
       address = EXCLUDED.address, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [contact.email, contact.phone, contact.address, by],
  );
}
