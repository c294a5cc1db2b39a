import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * Passwords: argon2id hashes; a strength estimate (zxcvbn-ts, English and common dictionaries)
 * with feedback a person understands; the most common passwords refused outright.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MIN_SCORE = 3;

/** The estimator's feedback in our own plain en-GB words (its defaults are terse and US English). */
const TRANSLATIONS = {
  ...en.translations,
  warnings: {
    ...en.translations.warnings,
    straightRow: 'Rows of neighbouring keys are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters such as "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns such as "abcabcabc" are easy to guess.',
    sequences: 'Sequences such as "abc" or "123" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'This is one of the most commonly used passwords.',
    topHundred: 'This is one of the most commonly used passwords.',
    common: 'This is a commonly used password.',
    similarToCommon: 'This is very like a commonly used password.',
    wordByItself: 'A single word on its own is easy to guess.',
    namesByThemselves: 'Names on their own are easy to guess.',
    commonNames: 'Common names are easy to guess.',
    userInputs: 'It contains your name or e-mail address, which are among the first things someone would try.',
  },
  suggestions: {
    ...en.translations.suggestions,
    l33t: 'Swapping letters for look-alike symbols, such as "@" for "a", does not help much.',
    allUppercase: 'Capitalise some letters, but not all.',
    capitalization: 'Capitalise more than the first letter.',
    anotherWord: 'Add another word or two that are less common.',
    useWords: 'Use several words, but avoid well-known phrases.',
    noNeed: 'You do not need symbols, numbers or capital letters: length matters most.',
  },
};

const zxcvbn = new ZxcvbnFactory({
  translations: TRANSLATIONS,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  // Levenshtein matching costs ~300 ms a check (measured); exact, l33t and reversed matches stay.
  useLevenshteinDistance: false,
});

/** Only this many leading characters are estimated: beyond it the estimate's cost grows fast (~75 ms at 128). */
const ESTIMATE_CHARACTERS = 64;

export interface PasswordAssessment {
  acceptable: boolean;
  /** 0 (very weak) to 4 (very strong). */
  score: number;
  /** The main reason it is refused, in plain words, when it is. */
  problem: string | null;
  warning: string | null;
  suggestions: string[];
}

function isCommonPassword(result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      'dictionaryName' in match &&
      match.dictionaryName === 'passwords' &&
      match.token.length >= result.password.length - 2,
  );
}

export function assessPassword(password: string, personal: string[] = []): PasswordAssessment {
  const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s_-]+/)]).filter((p) => p.length >= 3);
  const result = zxcvbn.check(password.slice(0, ESTIMATE_CHARACTERS), inputs);
  const suggestions = result.feedback.suggestions.filter(Boolean);
  const warning = result.feedback.warning || null;
  let problem: string | null = null;
  if (password.length < MIN_PASSWORD_LENGTH) {
    problem = `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words together are easy to remember and hard to guess.`;
  } else if (isCommonPassword(result)) {
    problem =
      'This is one of the most commonly used passwords, so it is among the first an attacker tries. Choose another.';
  } else if (result.score < MIN_SCORE) {
    problem = `This password would be too easy to guess.${warning ? ` ${warning}` : ''} Try a longer one, such as a few unrelated words.`;
  }
  return { acceptable: problem === null, score: result.score, problem, warning, suggestions };
}

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work whether or not the account exists: no timing difference to enumerate accounts by.
    await hash(password, ARGON2);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
