import type { FieldProblem } from '../frame/episodes-field-errors.js';
import type { LetterContent } from './letter-record.js';

/** A letter's texts tidied for saving (trailing space gone, line endings one kind). */
export function tidyLetter(content: LetterContent): LetterContent {
  const tidy = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return {
    recipientName: content.recipientName.trim(),
    recipientAddress: tidy(content.recipientAddress).replace(/^\s+/, ''),
    subject: content.subject.trim(),
    body: tidy(content.body),
  };
}

/** What a letter must have to be saved: someone it is to. */
export function letterProblems(content: LetterContent): FieldProblem[] {
  return content.recipientName === ''
    ? [{ field: 'recipientName', message: 'Say who the letter is to, such as “Dr Anna Patel”.' }]
    : [];
}

/** What a letter must have to be filed: the above, and a body. */
export function finalProblems(content: LetterContent): FieldProblem[] {
  return [
    ...letterProblems(content),
    ...(content.body.trim() === ''
      ? [{ field: 'body', message: 'Write the letter before filing it: a letter cannot be filed empty.' }]
      : []),
  ];
}
