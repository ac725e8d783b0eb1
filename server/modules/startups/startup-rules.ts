/**
 * Rules that span fields, checked on the startup as it will be stored
 * (create input, or the record with a PATCH applied). Every broken rule is
 * reported with the field it concerns.
 */
import type { FieldError } from '../../core/errors.js';
import { assertRules } from '../../core/http/validation.js';

export interface StartupShape {
  kind?: string;
  enterpriseCode?: string | null;
  firstRegisteredOn?: string | null;
  stEnterprise?: { certifiedOn: string } | null;
}

/** Every broken rule; `today` is Vietnam's date (dates after it are in the future). */
export function startupRuleErrors(startup: StartupShape, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (startup.kind === 'company') {
    if (!startup.enterpriseCode) {
      errors.push({ field: 'enterpriseCode', code: 'required', message: 'A company needs its enterprise code.' });
    }
    if (!startup.firstRegisteredOn) {
      errors.push({ field: 'firstRegisteredOn', code: 'required', message: 'A company needs the date of its first business registration.' });
    }
  } else {
    for (const field of ['enterpriseCode', 'firstRegisteredOn', 'stEnterprise'] as const) {
      if (startup[field]) {
        errors.push({ field, code: 'company_only', message: `Only a company has ${field}; send null to remove it.` });
      }
    }
  }
  if (startup.firstRegisteredOn && startup.firstRegisteredOn > today) {
    errors.push({ field: 'firstRegisteredOn', code: 'in_future', message: `firstRegisteredOn must not be after today (${today} in Vietnam).` });
  }
  const certifiedOn = startup.stEnterprise?.certifiedOn;
  if (certifiedOn && certifiedOn > today) {
    errors.push({ field: 'stEnterprise.certifiedOn', code: 'in_future', message: `The certification date must not be after today (${today} in Vietnam).` });
  } else if (certifiedOn && startup.firstRegisteredOn && certifiedOn < startup.firstRegisteredOn) {
    errors.push({
      field: 'stEnterprise.certifiedOn',
      code: 'before_registration',
      message: 'The S&T certification cannot predate the first business registration.',
    });
  }
  return errors;
}

/** Throws a 422 naming every broken rule. */
export function assertStartupRules(startup: StartupShape, today: string): void {
  assertRules(startupRuleErrors(startup, today));
}
