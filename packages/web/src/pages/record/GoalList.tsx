import { Button } from 'react-aria-components';
import { SelectField } from '../../components/SelectField';
import { FormulationText } from './FormulationText';
import { GOAL_STATUSES, type Goal } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

const MAX_GOALS = 30;

/** An id for a new goal, made here so it keeps its identity across saves. */
const newGoalId = () => `g-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The goals of the work, each with its status (open, partly met, met, set aside). */
export function GoalList({ goals, onChange }: { goals: Goal[]; onChange: (goals: Goal[]) => void }) {
  const change = (index: number, patch: Partial<Goal>) =>
    onChange(goals.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  return (
    <section className="card stack-small" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t.goalsHeading}</h2>
      {goals.length === 0 ? <p className="muted">{t.goalsEmpty}</p> : null}
      <ol className="formulation-goals">
        {goals.map((goal, index) => (
          <li key={goal.id} className="formulation-goal">
            <FormulationText
              label={t.goalText(index + 1)}
              name={`goals.${index}.text`}
              value={goal.text}
              onChange={(text) => change(index, { text })}
              rows={2}
              maxLength={1000}
            />
            <div className="formulation-goal-row">
              <SelectField
                label={t.goalStatus(index + 1)}
                name={`goals.${index}.status`}
                value={goal.status}
                onChange={(status) => change(index, { status })}
                options={GOAL_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
              />
              <Button
                className="button button-quiet"
                aria-label={t.removeGoalLabel(index + 1)}
                onPress={() => onChange(goals.filter((_, i) => i !== index))}
              >
                {t.removeGoal}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {goals.length >= MAX_GOALS ? (
        <p className="field-hint">{t.tooManyGoals}</p>
      ) : (
        <div className="button-row">
          <Button
            className="button button-secondary"
            onPress={() => onChange([...goals, { id: newGoalId(), text: '', status: 'open' }])}
          >
            {t.addGoal}
          </Button>
        </div>
      )}
    </section>
  );
}
