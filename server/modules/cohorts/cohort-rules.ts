/**
 * Rules that span fields of a cohort: the dates in order, template keys
 * unique. Checked after the DTO; every broken rule names its field.
 */
import type { FieldError } from '../../core/errors.js';
import { assertRules } from '../../core/http/validation.js';

export interface CohortShape {
  startsOn: string;
  endsOn: string;
  milestoneTemplate: ReadonlyArray<{ key: string }>;
}

export function cohortRuleErrors(cohort: CohortShape): FieldError[] {
  const errors: FieldError[] = [];
  if (cohort.endsOn <= cohort.startsOn) {
    errors.push({ field: 'endsOn', code: 'not_after_start', message: 'endsOn must be after startsOn.' });
  }
  const seen = new Set<string>();
  cohort.milestoneTemplate.forEach((item, index) => {
    if (seen.has(item.key)) {
      errors.push({
        field: `milestoneTemplate.${index}.key`,
        code: 'duplicate_key',
        message: `The key "${item.key}" is already used earlier in the template.`,
      });
    }
    seen.add(item.key);
  });
  return errors;
}

/** Throws a 422 naming every broken rule. */
export function assertCohortRules(cohort: CohortShape): void {
  assertRules(cohortRuleErrors(cohort));
}
