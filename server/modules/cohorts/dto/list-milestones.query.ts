import { IsMongoId } from 'class-validator';

/** GET /milestones: one startup's milestones in one cohort. */
export class ListMilestonesQuery {
  @IsMongoId({ message: 'cohortId must be a cohort id' })
  cohortId!: string;

  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;
}
