import { Type } from 'class-transformer';
import { IsArray, IsMongoId, IsOptional, ValidateNested } from 'class-validator';
import { MentorSummaryView } from '../mentors.presenter.js';

/** GET /mentors: one page; pass `nextCursor` back as `cursor` for the next (null on the last page). */
export class MentorPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentorSummaryView) items!: MentorSummaryView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}
