import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString } from 'class-validator';

/** GET /startups/{id}/eligibility (the output of computeEligibility). */
export class EligibilityView {
  @IsBoolean() eligible!: boolean;
  /** Last eligible day, inclusive; null for individuals and groups. */
  @IsOptional() @IsString() eligibleUntil!: string | null;
  /** Days from today (Vietnam) to eligibleUntil; 0 on the last day, negative after. */
  @IsOptional() @IsInt() daysLeft!: number | null;
  @IsIn(['not_registered_yet', 'within_five_years', 'over_five_years']) reason!: string;
  /** The reason in Vietnamese and English. */
  @IsObject() message!: { vi: string; en: string };
}
