import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsOptionalButNotNull } from '../../../core/http/validation.js';
import { TextField } from '../../../core/http/text-field.js';
import { MILESTONE_STATES, type MilestoneState } from '../milestone.model.js';

/** PATCH /milestones/{id}: a new state, a new note, or both (an empty body is a 400). */
@JSONSchema({ minProperties: 1 })
export class UpdateMilestoneDto {
  @IsOptionalButNotNull()
  @IsIn(MILESTONE_STATES, { message: `state must be one of: ${MILESTONE_STATES.join(', ')}` })
  state?: MilestoneState;

  /** Replaces the current note ("" clears it) and is kept in the history entry. */
  @IsOptionalButNotNull()
  @TextField({ max: 2000, multiline: true })
  note?: string;
}
