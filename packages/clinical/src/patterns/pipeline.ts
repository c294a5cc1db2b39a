/**
 * The text pipeline: wink-nlp with its English light model (both MIT) splits a passage into
 * sentences and tokens with lemmas, parts of speech and negation scope, and gives each token its
 * character offsets in the original text.
 *
 * Where it runs: the code uses no Node-only API, so it runs in the browser too, but the model is
 * ≈ 0.96 MB gzipped (2.9 MB of JSON), far over the web's 200 KB first-load budget. So the pipeline
 * runs on the server and the browser receives analyses and summaries (plain JSON). This module is
 * exported from `@undercurrent/clinical/patterns`, never from the package's main entry, so the web
 * bundle does not pull the model in by accident.
 *
 * The model is loaded once, on first use (≈ 0.2 s).
 */
import winkNLP from 'wink-nlp';
import type { ItemSentence, ItemToken, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** The text as written. */
  value: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  lemma: string;
  /** Universal part of speech (NOUN, VERB, PROPN, PRON…). */
  pos: string;
  /** Inside the scope of a negation ("not", "never", "n't"…), as wink-nlp marks it. */
  negated: boolean;
  /** Character offsets in the passage: [start, end). */
  start: number;
  end: number;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
}

export interface TokenisedText {
  tokens: Token[];
  sentences: Sentence[];
}

let nlp: WinkMethods | undefined;

/** The shared wink-nlp instance (sentence boundaries, parts of speech, negation). */
export function winkInstance(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'pos', 'negation']);
  return nlp;
}

const straight = (s: string) => (s.includes('’') || s.includes('‘') ? s.replace(/[’‘]/g, "'") : s);

/** Sentences and tokens of a passage with offsets into the passage as given. */
export function tokenise(text: string): TokenisedText {
  const engine = winkInstance();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const firstToken = tokens.length;
    sentence.tokens().each((t: ItemToken) => {
      const value = t.out();
      const spaces = t.out(its.precedingSpaces);
      let start = cursor + spaces.length;
      if (text.slice(start, start + value.length) !== value) {
        const found = text.indexOf(value, cursor);
        start = found === -1 ? cursor : found;
      }
      const end = Math.min(text.length, start + value.length);
      cursor = end;
      if (value.trim() === '') return; // line breaks come through as tokens
      tokens.push({
        value,
        lower: straight(value.toLowerCase()),
        lemma: straight(String(t.out(its.lemma as never)).toLowerCase()),
        pos: t.out(its.pos),
        negated: t.out(its.negationFlag) as unknown as boolean,
        start,
        end,
        sentence: sentences.length,
      });
    });
    const first = tokens[firstToken];
    const last = tokens[tokens.length - 1];
    if (first && last && tokens.length > firstToken) {
      sentences.push({ start: first.start, end: last.end, firstToken, endToken: tokens.length });
    }
  });
  return { tokens, sentences };
}

/** The bare wink-nlp tokenisation of a text (the baseline the benchmark compares against). */
export function rawTokenCount(text: string): number {
  return winkInstance().readDoc(text).tokens().length();
}
