import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DateParam, YearParam } from '../../ledger/dto/period-params.js';

/** GET /reports/kpis: `year`, or `from` and `to` (Can Tho dates, both included) for a mid-term or final review. */
export class KpisQuery {
  @YearParam()
  year?: number;

  @DateParam()
  from?: string;

  @DateParam()
  to?: string;
}

/** GET /reports/kpis (JSON) may leave the records out: `records=false` gives the figures alone (the screen's yearly charts). */
export class KpiReportQuery extends KpisQuery {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'records must be true or false' })
  records?: boolean;
}
