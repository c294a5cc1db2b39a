import { listLettersForPack, type PackLetter } from '../../letters/letters-for-pack.js';
import { packSection } from '../pack-section.js';

/**
 * Letters filed in the client's record (drafts are not part of the record), each as it was sent: who
 * wrote it, to whom, when, the subject and the whole text. The letterhead's contact lines are the
 * practice's, not the client's, so only its name is kept.
 */
export interface LettersData {
  letters: (Omit<PackLetter, 'letterhead' | 'id'> & { practice: string })[];
}

export const lettersSection = packSection<LettersData>({
  key: 'letters',
  title: 'Letters about you',
  async assemble(tx, scope) {
    const letters = await listLettersForPack(tx, scope.clientId);
    return {
      letters: letters.map(({ letterhead, id: _id, ...letter }) => ({ ...letter, practice: letterhead.name })),
    };
  },
  toPdf(data, print) {
    if (data.letters.length === 0) return [{ kind: 'paragraph', text: 'No letters about you have been filed.' }];
    return data.letters.flatMap((l) => [
      { kind: 'heading' as const, level: 2 as const, text: l.subject },
      {
        kind: 'fields' as const,
        rows: [
          ['Filed', print.dateTime(l.finalisedAt)],
          ['Written by', `${l.author}, ${l.practice}`],
          ['To', [l.recipientName, l.recipientAddress].filter((s) => s.trim() !== '').join(', ')],
        ] as const,
      },
      { kind: 'paragraph' as const, text: l.body },
    ]);
  },
});
