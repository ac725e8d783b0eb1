import { IsMongoId } from 'class-validator';

/** POST /cohorts/{id}/admissions. */
export class AdmitStartupDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;
}
