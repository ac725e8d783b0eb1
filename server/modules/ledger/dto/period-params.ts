/** Query parameters for years and Can Tho dates, declared once for the ledger's and the reports' queries. */
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

/** An optional year, 2000–2100, from the query string. */
export const YearParam = (): PropertyDecorator => all(IsOptional(), Type(() => Number), IsInt(), Min(2000), Max(2100));

/** An optional Can Tho calendar date `YYYY-MM-DD`. */
export const DateParam = (): PropertyDecorator => all(IsOptional(), IsCalendarDate());
