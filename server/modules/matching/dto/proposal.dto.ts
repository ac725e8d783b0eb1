import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsMongoId, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';
import { APPLY_AS, type ApplyAs } from '../proposal.model.js';

/** POST /cohorts/{id}/assignment-proposals. */
export class ProposeAssignmentDto {
  /** Mentors each startup should end up with (those it has or asked count). */
  @IsInt()
  @Min(1)
  @Max(5)
  mentorsPerStartup!: number;
}

export class ProposalPairDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;

  @IsMongoId({ message: 'mentorId must be a mentor id' })
  mentorId!: string;
}

/**
 * PATCH /cohorts/{id}/assignment-proposals/{proposalId}: the pairs as the
 * manager wants them. At most 500 (100 startups × 5): a larger cohort's
 * proposal is applied as the optimiser made it.
 */
export class EditProposalDto {
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProposalPairDto)
  pairs!: ProposalPairDto[];
}

/** POST /cohorts/{id}/assignment-proposals/{proposalId}/apply. */
export class ApplyProposalDto {
  /** `requests`: each pair becomes a request the mentor answers; `mentorships`: each starts at once. */
  @IsIn(APPLY_AS, { message: `as must be one of: ${APPLY_AS.join(', ')}` })
  as!: ApplyAs;

  /** The message of the requests (as `requests`); a standard one in Vietnamese when left out. */
  @IsOptional()
  @TextField({ max: 2000, multiline: true, required: true, example: 'Ban quản lý đợt ươm tạo đề xuất anh/chị hướng dẫn dự án này.' })
  message?: string;
}
