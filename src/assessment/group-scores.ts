import type { ComponentScore } from '../core/assessment-store.js';
import type { Framework } from './framework-schema.js';
import type { AssessmentScore } from './scoring.js';

/** A tier of components (the Key Features' three tiers) with its subtotal. */
export interface GroupScore {
  label: string;
  /** Mean over the tier's answered questions, one decimal; `null` when none was answered. */
  percent: number | null;
  answered: number;
  total: number;
  components: ComponentScore[];
}

/**
 * Components grouped by their `group`, in framework order, each group with a subtotal weighted by
 * answered questions (the same mean the overall score uses). Empty when the framework has no groups.
 */
export const groupScores = (framework: Framework, score: AssessmentScore): GroupScore[] => {
  const groupOf = new Map(framework.components.map((component) => [component.id, component.group]));
  if (![...groupOf.values()].some((group) => group !== undefined)) return [];
  const groups: GroupScore[] = [];
  for (const component of score.components) {
    const label = groupOf.get(component.id) ?? 'Other';
    let group = groups.find((entry) => entry.label === label);
    if (group === undefined) {
      group = { label, percent: null, answered: 0, total: 0, components: [] };
      groups.push(group);
    }
    group.components.push(component);
    group.answered += component.answered;
    group.total += component.total;
  }
  for (const group of groups) {
    const weighted = group.components.reduce((sum, c) => sum + (c.percent ?? 0) * c.answered, 0);
    group.percent = group.answered === 0 ? null : Math.round((10 * weighted) / group.answered) / 10;
  }
  return groups;
};
