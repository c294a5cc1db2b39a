import type { AnswerOption, Coding, InstrumentDefinition, InstrumentItem } from './definition-types.js';
import { isScored, optionsFor, scoredValue } from './item-helpers.js';

/** The FHIR R4 core extension carrying an answer's score. */
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

export interface FhirAnswerOption {
  valueCoding: Coding;
  extension?: { url: string; valueDecimal: number }[];
}

export interface FhirQuestionnaireItem {
  linkId: string;
  type: 'choice' | 'display';
  text: string;
  code?: Coding[];
  answerOption?: FhirAnswerOption[];
}

/** The subset of a FHIR R4 Questionnaire this package writes. */
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url?: string;
  version?: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType: ['Patient'];
  copyright: string;
  code?: Coding[];
  item: FhirQuestionnaireItem[];
}

export interface FhirQuestionnaireOptions {
  /** Canonical URL of the questionnaire; omitted when not given. */
  url?: string;
  status?: FhirQuestionnaire['status'];
  /** Code system for answers without a code of their own. Default `urn:undercurrent:instrument:<id>`. */
  answerSystem?: string;
}

/** A FHIR `name`: starts with a capital letter, then letters, digits and underscores ("PHQ-9" → "PHQ9"). */
function machineName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '');
  const capital = cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  return /^[A-Z]/.test(capital) ? capital : `Q${capital}`;
}

function answerOption(
  def: InstrumentDefinition,
  item: InstrumentItem,
  option: AnswerOption,
  system: string,
): FhirAnswerOption {
  const valueCoding: Coding = option.code
    ? { system: option.code.system, code: option.code.code, display: option.label }
    : { system, code: String(option.value), display: option.label };
  if (!isScored(item)) return { valueCoding };
  return {
    valueCoding,
    extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: scoredValue(def, item, option.value) }],
  };
}

/**
 * The definition as a FHIR R4 Questionnaire: the stem as a display item, then one choice item per
 * question with its code and answer options (coded, with the scored value — after reverse keying —
 * in the ordinalValue extension; unscored questions carry no ordinal). A not-applicable answer is an
 * option coded `not-applicable`. The copyright field holds the copyright line and the licence terms.
 */
export function toFhirQuestionnaire(
  def: InstrumentDefinition,
  options: FhirQuestionnaireOptions = {},
): FhirQuestionnaire {
  const system = options.answerSystem ?? `urn:undercurrent:instrument:${def.id}`;
  const items: FhirQuestionnaireItem[] = [];
  if (def.stem !== undefined) {
    let linkId = 'instructions';
    while (def.items.some((i) => i.linkId === linkId)) linkId = `_${linkId}`;
    items.push({ linkId, type: 'display', text: def.stem });
  }
  for (const item of def.items) {
    const answers = optionsFor(def, item).map((o) => answerOption(def, item, o, system));
    if (item.notApplicable) {
      answers.push({ valueCoding: { system, code: 'not-applicable', display: item.notApplicable.label } });
    }
    items.push({
      linkId: item.linkId,
      type: 'choice',
      text: item.text,
      ...(item.code ? { code: [item.code] } : {}),
      answerOption: answers,
    });
  }
  return {
    resourceType: 'Questionnaire',
    id: def.id,
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(def.version !== undefined ? { version: def.version } : {}),
    name: machineName(def.name),
    title: def.title,
    status: options.status ?? 'active',
    subjectType: ['Patient'],
    copyright: `${def.licence.copyright} ${def.licence.terms}`,
    ...(def.code ? { code: [def.code] } : {}),
    item: items,
  };
}
