import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsMongoId, IsOptional } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';
import { TOPIC_CODES } from '../../../core/taxonomy/taxonomy.js';

/** POST /mentor-requests: a startup (or a manager on its behalf) asks a mentor. */
export class CreateRequestDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;

  @IsMongoId({ message: 'mentorId must be a mentor id' })
  mentorId!: string;

  /** What the startup hopes for, in its own words. */
  @TextField({ max: 2000, multiline: true, required: true, example: 'Chúng tôi cần góp ý về kênh phân phối nấm rơm sang siêu thị.' })
  message!: string;

  /** The topics to work on (SPEC §9); the startup's needs when left out. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(TOPIC_CODES, { each: true, message: 'topics must contain only known topic codes (GET /api/v1/taxonomies)' })
  topics?: string[];
}
