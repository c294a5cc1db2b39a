import type { InstrumentDefinition, InstrumentItem } from './definition-types.js';
import { isScored, optionsFor, scoreRange, valueRange } from './item-helpers.js';
import { at, type Problems } from './validation-helpers.js';

function checkItemsHaveAnswers(p: Problems, def: InstrumentDefinition): void {
  def.items.forEach((item, i) => {
    if (optionsFor(def, item).length === 0) {
      p.add(
        at(at('items', i), 'answerOptions'),
        `Question ${i + 1} ("${item.linkId}") has no answers: give it answerOptions, or give the instrument default answerOptions.`,
      );
    }
  });
  if (!def.items.some(isScored)) p.add('items', 'At least one question must be scored.');
}

function checkMissingRule(p: Problems, def: InstrumentDefinition): void {
  const scored = def.items.filter(isScored).length;
  if (def.missingItemRule.maxMissing >= scored) {
    p.add(
      'missingItemRule.maxMissing',
      `maxMissing is ${def.missingItemRule.maxMissing}, but there are only ${scored} scored questions; at least one must be answered.`,
    );
  }
}

function checkBands(p: Problems, def: InstrumentDefinition): void {
  const { min, max } = scoreRange(def);
  const bands = def.bands;
  bands.forEach((band, i) => {
    if (band.min > band.max)
      p.add(
        at(at('bands', i), 'min'),
        `Band ${i + 1} ("${band.label}") starts at ${band.min}, above its end ${band.max}.`,
      );
    const prev = bands[i - 1];
    if (prev !== undefined && band.min !== prev.max + 1) {
      p.add(
        at(at('bands', i), 'min'),
        `Band ${i + 1} ("${band.label}") starts at ${band.min}; it should start at ${prev.max + 1}, just after band ${i} ends, with no gap or overlap.`,
      );
    }
  });
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first !== undefined && first.min !== min)
    p.add(
      'bands[0].min',
      `The first band starts at ${first.min}; it should start at the lowest possible total, ${min}.`,
    );
  if (last !== undefined && last.max !== max)
    p.add(
      `bands[${bands.length - 1}].max`,
      `The last band ends at ${last.max}; it should end at the highest possible total, ${max}.`,
    );
  if (def.cutoff && (def.cutoff.score < min || def.cutoff.score > max)) {
    p.add('cutoff.score', `The cut-off score ${def.cutoff.score} is outside the possible totals ${min}–${max}.`);
  }
}

function scoredItem(p: Problems, byId: Map<string, InstrumentItem>, linkId: string, path: string, what: string): void {
  const item = byId.get(linkId);
  if (item === undefined) p.add(path, `${what} names question "${linkId}", which does not exist.`);
  else if (!isScored(item)) p.add(path, `${what} names question "${linkId}", which is not scored.`);
}

function checkUniqueIds(p: Problems, list: { id: string }[], path: string, what: string): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) p.add(at(at(path, i), 'id'), `${what} ${i + 1} repeats the id "${x.id}".`);
    seen.add(x.id);
  });
}

function checkReferences(p: Problems, def: InstrumentDefinition): void {
  const byId = new Map(def.items.map((item) => [item.linkId, item]));
  const subscales = def.subscales ?? [];
  checkUniqueIds(p, subscales, 'subscales', 'Subscale');
  subscales.forEach((s, i) => {
    s.linkIds.forEach((id, j) =>
      scoredItem(p, byId, id, `subscales[${i}].linkIds[${j}]`, `Subscale ${i + 1} ("${s.label}")`),
    );
  });
  const flags = def.flags ?? [];
  checkUniqueIds(p, flags, 'flags', 'Flag');
  flags.forEach((f, i) => {
    const item = byId.get(f.linkId);
    if (item === undefined) {
      p.add(`flags[${i}].linkId`, `Flag ${i + 1} ("${f.label}") names question "${f.linkId}", which does not exist.`);
      return;
    }
    const r = valueRange(optionsFor(def, item));
    if (f.atOrAbove <= r.min || f.atOrAbove > r.max) {
      p.add(
        `flags[${i}].atOrAbove`,
        `Flag ${i + 1}'s threshold ${f.atOrAbove} must be above the lowest answer (${r.min}) and at most the highest (${r.max}), or it would always or never be raised.`,
      );
    }
  });
  const patterns = def.patterns ?? [];
  checkUniqueIds(p, patterns, 'patterns', 'Pattern');
  patterns.forEach((pat, i) => {
    pat.clusters.forEach((c, j) => {
      const path = `patterns[${i}].clusters[${j}]`;
      c.linkIds.forEach((id, k) =>
        scoredItem(p, byId, id, `${path}.linkIds[${k}]`, `Pattern ${i + 1}, cluster ${j + 1} ("${c.label}")`),
      );
      if (c.minEndorsed > c.linkIds.length) {
        p.add(
          `${path}.minEndorsed`,
          `Pattern ${i + 1}, cluster ${j + 1} needs ${c.minEndorsed} endorsed but has only ${c.linkIds.length} questions.`,
        );
      }
    });
  });
}

/** Phase 2, on a definition whose fields all have the right types: ranges and cross-references. */
export function checkDefinitionRules(p: Problems, def: InstrumentDefinition): void {
  checkItemsHaveAnswers(p, def);
  checkMissingRule(p, def);
  checkBands(p, def);
  checkReferences(p, def);
}
