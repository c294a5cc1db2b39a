import {
  at,
  checkCoding,
  checkKeys,
  type JsonObject,
  type Problems,
  readBoolean,
  readList,
  readNumber,
  readObject,
  readObjectList,
  readText,
  readTextList,
} from './validation-helpers.js';

const ROOT_KEYS = [
  'id',
  'name',
  'title',
  'version',
  'code',
  'totalScoreCode',
  'stem',
  'answerOptions',
  'items',
  'missingItemRule',
  'bands',
  'cutoff',
  'reliableChange',
  'subscales',
  'flags',
  'patterns',
  'licence',
  'unverified',
] as const;
const ITEM_KEYS = ['linkId', 'text', 'code', 'scored', 'reverse', 'answerOptions', 'notApplicable'] as const;
const OPTION_KEYS = ['value', 'label', 'code'] as const;

function checkAnswerOptions(p: Problems, obj: JsonObject, path: string, what: string): void {
  const options = readObjectList(p, obj, 'answerOptions', path, what, true);
  if (Array.isArray(obj['answerOptions']) && obj['answerOptions'].length === 0) {
    p.add(at(path, 'answerOptions'), `${what} must list at least one answer.`);
  }
  const seen = new Set<number>();
  for (const o of options) {
    const label = `${what}: answer ${o.n}`;
    checkKeys(p, o.value, o.path, OPTION_KEYS, 'an answer option');
    const value = readNumber(p, o.value, 'value', o.path, `${label}'s value`, { integer: true });
    if (value !== undefined && seen.has(value))
      p.add(at(o.path, 'value'), `${label} repeats the value ${value}; each answer needs its own value.`);
    if (value !== undefined) seen.add(value);
    readText(p, o.value, 'label', o.path, `${label}'s wording (label)`);
    checkCoding(p, o.value, 'code', o.path, `${label}'s code`);
  }
}

function checkItems(p: Problems, root: JsonObject): void {
  const items = readObjectList(p, root, 'items', '', 'The questions (items)');
  if (Array.isArray(root['items']) && root['items'].length === 0)
    p.add('items', 'The questions (items) must list at least one question.');
  const linkIds = new Set<string>();
  for (const it of items) {
    const what = `Question ${it.n}`;
    checkKeys(p, it.value, it.path, ITEM_KEYS, 'a question');
    const linkId = readText(p, it.value, 'linkId', it.path, `${what}'s linkId (a short identifier such as "1")`);
    if (linkId !== undefined && linkIds.has(linkId))
      p.add(at(it.path, 'linkId'), `${what} repeats the linkId "${linkId}"; each question needs its own.`);
    if (linkId !== undefined) linkIds.add(linkId);
    readText(p, it.value, 'text', it.path, `${what}'s wording (text)`);
    checkCoding(p, it.value, 'code', it.path, `${what}'s code`);
    readBoolean(p, it.value, 'scored', it.path, `${what}'s "scored"`);
    readBoolean(p, it.value, 'reverse', it.path, `${what}'s "reverse"`);
    checkAnswerOptions(p, it.value, it.path, what);
    const na = readObject(p, it.value, 'notApplicable', it.path, `${what}'s "notApplicable"`, true);
    if (na !== undefined) {
      checkKeys(p, na, at(it.path, 'notApplicable'), ['label'], `${what}'s "notApplicable"`);
      readText(p, na, 'label', at(it.path, 'notApplicable'), `${what}'s not-applicable wording (label)`);
    }
  }
}

function checkScoringShapes(p: Problems, root: JsonObject): void {
  const rule = readObject(p, root, 'missingItemRule', '', 'The missing-item rule (missingItemRule)');
  if (rule !== undefined) {
    checkKeys(p, rule, 'missingItemRule', ['maxMissing', 'rounding', 'unverified'], 'the missing-item rule');
    readNumber(p, rule, 'maxMissing', 'missingItemRule', 'The most missing answers that may be prorated (maxMissing)', {
      integer: true,
      min: 0,
    });
    if (rule['rounding'] !== 'half-up' && rule['rounding'] !== 'none') {
      p.add('missingItemRule.rounding', 'The rounding must be "half-up" (to a whole number, .5 upwards) or "none".');
    }
    readText(p, rule, 'unverified', 'missingItemRule', 'The missing-item rule\'s "unverified" note', true);
  }
  for (const b of readObjectList(p, root, 'bands', '', 'The severity bands (bands)')) {
    checkKeys(p, b.value, b.path, ['min', 'max', 'label'], 'a band');
    readNumber(p, b.value, 'min', b.path, `Band ${b.n}'s lowest score (min)`);
    readNumber(p, b.value, 'max', b.path, `Band ${b.n}'s highest score (max)`);
    readText(p, b.value, 'label', b.path, `Band ${b.n}'s name (label)`);
  }
  const cutoff = readObject(p, root, 'cutoff', '', 'The cut-off', true);
  if (cutoff !== undefined) {
    checkKeys(p, cutoff, 'cutoff', ['score', 'comparison', 'label', 'unverified'], 'the cut-off');
    readNumber(p, cutoff, 'score', 'cutoff', 'The cut-off score');
    if (cutoff['comparison'] !== 'at-or-above' && cutoff['comparison'] !== 'above') {
      p.add('cutoff.comparison', 'The cut-off comparison must be "at-or-above" or "above".');
    }
    readText(p, cutoff, 'label', 'cutoff', "The cut-off's name (label)");
    readText(p, cutoff, 'unverified', 'cutoff', 'The cut-off\'s "unverified" note', true);
  }
  const rc = readObject(p, root, 'reliableChange', '', 'The reliable-change value', true);
  if (rc !== undefined) {
    checkKeys(p, rc, 'reliableChange', ['points', 'unverified'], 'the reliable-change value');
    readNumber(p, rc, 'points', 'reliableChange', 'The reliable change in points', { min: Number.MIN_VALUE });
    readText(p, rc, 'unverified', 'reliableChange', 'The reliable-change "unverified" note', true);
  }
}

function checkGroupShapes(p: Problems, root: JsonObject): void {
  for (const s of readObjectList(p, root, 'subscales', '', 'The subscales', true)) {
    checkKeys(p, s.value, s.path, ['id', 'label', 'linkIds'], 'a subscale');
    readText(p, s.value, 'id', s.path, `Subscale ${s.n}'s id`);
    readText(p, s.value, 'label', s.path, `Subscale ${s.n}'s name (label)`);
    readTextList(p, s.value, 'linkIds', s.path, `Subscale ${s.n}'s questions (linkIds)`);
  }
  for (const f of readObjectList(p, root, 'flags', '', 'The flags', true)) {
    checkKeys(p, f.value, f.path, ['id', 'label', 'linkId', 'atOrAbove', 'whenDeclined', 'whenUnanswered'], 'a flag');
    readText(p, f.value, 'id', f.path, `Flag ${f.n}'s id`);
    readText(p, f.value, 'label', f.path, `Flag ${f.n}'s name (label)`);
    readText(p, f.value, 'linkId', f.path, `Flag ${f.n}'s question (linkId)`);
    readNumber(p, f.value, 'atOrAbove', f.path, `Flag ${f.n}'s threshold (atOrAbove)`);
    readBoolean(p, f.value, 'whenDeclined', f.path, `Flag ${f.n}'s "whenDeclined"`, false);
    readBoolean(p, f.value, 'whenUnanswered', f.path, `Flag ${f.n}'s "whenUnanswered"`, false);
  }
  for (const pat of readObjectList(p, root, 'patterns', '', 'The diagnostic patterns', true)) {
    const what = `Pattern ${pat.n}`;
    checkKeys(p, pat.value, pat.path, ['id', 'label', 'endorsedAtOrAbove', 'clusters', 'unverified'], 'a pattern');
    readText(p, pat.value, 'id', pat.path, `${what}'s id`);
    readText(p, pat.value, 'label', pat.path, `${what}'s name (label)`);
    readNumber(p, pat.value, 'endorsedAtOrAbove', pat.path, `${what}'s endorsement threshold (endorsedAtOrAbove)`);
    readText(p, pat.value, 'unverified', pat.path, `${what}'s "unverified" note`, true);
    const clusters = readObjectList(p, pat.value, 'clusters', pat.path, `${what}'s clusters`);
    if (Array.isArray(pat.value['clusters']) && pat.value['clusters'].length === 0)
      p.add(at(pat.path, 'clusters'), `${what} must have at least one cluster.`);
    for (const c of clusters) {
      checkKeys(p, c.value, c.path, ['id', 'label', 'linkIds', 'minEndorsed'], 'a cluster');
      readText(p, c.value, 'id', c.path, `${what}, cluster ${c.n}'s id`);
      readText(p, c.value, 'label', c.path, `${what}, cluster ${c.n}'s name (label)`);
      readTextList(p, c.value, 'linkIds', c.path, `${what}, cluster ${c.n}'s questions (linkIds)`);
      readNumber(p, c.value, 'minEndorsed', c.path, `${what}, cluster ${c.n}'s minimum endorsed (minEndorsed)`, {
        integer: true,
        min: 0,
      });
    }
  }
}

/** Phase 1: every field has the right type; records problems, cross-references are checked later. */
export function checkDefinitionShape(p: Problems, root: JsonObject): void {
  checkKeys(p, root, '', ROOT_KEYS, 'an instrument definition');
  const id = readText(p, root, 'id', '', 'The instrument id');
  if (id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    p.add('id', `The instrument id "${id}" must use lower-case letters, digits and hyphens only, e.g. "core-10".`);
  }
  readText(p, root, 'name', '', 'The short name (name)');
  readText(p, root, 'title', '', 'The full title (title)');
  readText(p, root, 'version', '', 'The version', true);
  readText(p, root, 'stem', '', 'The instruction before the questions (stem)', true);
  checkCoding(p, root, 'code', '', 'The instrument code');
  checkCoding(p, root, 'totalScoreCode', '', 'The total score code');
  checkAnswerOptions(p, root, '', 'The default answers');
  checkItems(p, root);
  checkScoringShapes(p, root);
  checkGroupShapes(p, root);
  const licence = readObject(p, root, 'licence', '', 'The licence (with its copyright line)');
  if (licence !== undefined) {
    checkKeys(p, licence, 'licence', ['copyright', 'terms', 'url'], 'the licence');
    readText(p, licence, 'copyright', 'licence', 'The copyright line (shown wherever the instrument is used)');
    readText(p, licence, 'terms', 'licence', 'The licence terms');
    readText(p, licence, 'url', 'licence', 'The licence link (url)', true);
  }
  const notes = readList(p, root, 'unverified', '', 'The "unverified" notes', true);
  notes?.forEach((n, i) => {
    if (typeof n !== 'string') p.add(at('unverified', i), `The "unverified" notes: entry ${i + 1} must be text.`);
  });
}
