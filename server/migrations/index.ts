/** Every data migration, in the order they were written; see core/db/migrations.ts. */
import type { Migration } from '../core/db/migrations.js';
import { plainMongoDb } from './2026-11-28-plain-mongodb.js';
import { matchingFollowups } from './2026-12-01-matching-followups.js';
import { sessionCalendars } from './2026-12-02-session-calendars.js';
import { planTargets } from './2026-12-03-plan-targets.js';

export const migrations: readonly Migration[] = [plainMongoDb, matchingFollowups, sessionCalendars, planTargets];
