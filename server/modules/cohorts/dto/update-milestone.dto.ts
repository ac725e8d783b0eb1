import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MILESTONE_STATES, type MilestoneState } from '../milestone.model.js';

/** PATCH /milestones/{id}: a new state, a new note, or both. */
export class UpdateMilestoneDto {
  @IsOptional()
  @IsIn(MILESTONE_STATES, { message: `state must be one of: ${MILESTONE_STATES.join(', ')}` })
  state?: MilestoneState;

  /** Replaces the current note ("" clears it) and is kept in the history entry. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
