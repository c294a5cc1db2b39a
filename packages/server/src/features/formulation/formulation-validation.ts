import type { Scoped } from '../../access/access-layer.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { FieldsError, type FieldProblem } from '../frame/episodes-field-errors.js';
import { COMPONENT_NAMES, loadCcrtCategories } from './ccrt-category-record.js';
import type { FormulationContent } from './formulation-schemas.js';

/**
 * What is wrong with a formulation a therapist saves beyond its shape: a CCRT cluster that is not in
 * the practice's set under that component. A cluster the formulation already had stays allowed even
 * if the admin has since removed it from the set, so an edit elsewhere never forces a change here.
 */
export async function checkFormulation(
  tx: Scoped,
  content: FormulationContent,
  before: FormulationContent | undefined,
  event: AuditInput,
): Promise<void> {
  const set = await loadCcrtCategories(tx);
  const problems: FieldProblem[] = [];
  for (const component of ['W', 'RO', 'RS'] as const) {
    const known = new Set(set.clusters.filter((c) => c.component === component).map((c) => c.id));
    const kept = new Set(before?.ccrt[component].clusterIds ?? []);
    for (const id of content.ccrt[component].clusterIds) {
      if (!known.has(id) && !kept.has(id)) {
        problems.push({
          field: `ccrt.${component}.clusterIds`,
          message: `“${id}” is not a ${COMPONENT_NAMES[component]} cluster in your practice’s CCRT set. Choose one from the list, or ask your practice admin to add it.`,
        });
      }
    }
  }
  const goalIds = new Set<string>();
  content.goals.forEach((goal, index) => {
    if (goalIds.has(goal.id)) {
      problems.push({ field: `goals.${index}.id`, message: `Goal ${index + 1} is listed twice; keep one.` });
    }
    goalIds.add(goal.id);
    if (goal.text.trim() === '') {
      problems.push({
        field: `goals.${index}.text`,
        message: `Goal ${index + 1} has no words; write it or remove it.`,
      });
    }
  });
  if (problems.length > 0) {
    tx.audit({ ...event, outcome: 'failure', details: { ...event.details, reason: 'invalid_formulation' } });
    throw new FieldsError(problems, 'invalid_formulation');
  }
}
