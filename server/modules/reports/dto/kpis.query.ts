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
