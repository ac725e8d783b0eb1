import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';
import { YearParam } from './period-params.js';
import { KPI_CODES, type KpiCode } from '../plan-targets.js';

/** PUT /reports/targets: one KPI's target for one year (created when the year has none). */
export class SetTargetDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @IsIn(KPI_CODES, { message: `kpi must be one of: ${KPI_CODES.join(', ')}` })
  kpi!: KpiCode;

  /** A count for the year. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  value!: number;

  /** Why it changed (the city's decision, a correction). */
  @IsOptional()
  @TextField({ max: 500, example: 'Điều chỉnh theo Quyết định của UBND thành phố' })
  note?: string;
}

/** GET /reports/targets. */
export class ListTargetsQuery {
  @YearParam()
  year?: number;
}
