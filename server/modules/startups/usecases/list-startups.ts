import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { Forbidden } from '../../../core/errors.js';
import type { ListStartupsQuery } from '../dto/list-startups.query.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';

/** Startups the caller may see (staff: all; founders: their own), filtered and searched, one page at a time. */
export async function listStartups(actor: AuthUser, query: ListStartupsQuery, today: string): Promise<Page<StartupRecord>> {
  if (!startupsPolicy.canList(actor)) throw new Forbidden('forbidden', 'Mentors see startups through their mentorships.');
  return startupsRepository.list(
    {
      memberId: startupsPolicy.listsOnlyOwn(actor) ? actor.id : undefined,
      sector: query.sector,
      stage: query.stage,
      kind: query.kind,
      need: query.need,
      eligible: query.eligible === undefined ? undefined : { is: query.eligible, today },
      q: query.q,
    },
    query,
  );
}
