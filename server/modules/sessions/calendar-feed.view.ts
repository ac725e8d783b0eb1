import { IsDateString, Matches } from 'class-validator';

/** POST /me/calendar-feed: where the new private feed is. */
export class CalendarFeedView {
  /** The feed's path on this server, token included: `/api/v1/calendar-feeds/<token>`. */
  @Matches(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{32}$/) path!: string;
  @IsDateString() createdAt!: string;
}
