import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { TOPIC_CODES } from '../../../core/taxonomy/taxonomy.js';

export const MATCH_MODES = ['online', 'offline', 'any'] as const;

/** GET /matches. */
export class MatchQueryDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;

  /** Topics to match on (`topics=sales&topics=export`, or `topics=sales,export`); the startup's needs when left out. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsIn(TOPIC_CODES, { each: true, message: 'topics must contain only known topic codes (GET /api/v1/taxonomies)' })
  topics?: string[];

  /** Meetings online, offline (then the mentor must be based in Can Tho), or either (default). */
  @IsOptional()
  @IsIn(MATCH_MODES, { message: `mode must be one of: ${MATCH_MODES.join(', ')}` })
  mode: (typeof MATCH_MODES)[number] = 'any';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;

  /** `excluded`: also list the best mentors the hard filters removed, and why. */
  @IsOptional()
  @JSONSchema({ description: '`excluded`: also list who the hard filters removed, and why' })
  @IsIn(['excluded'], { message: 'explain must be excluded' })
  explain?: 'excluded';
}
