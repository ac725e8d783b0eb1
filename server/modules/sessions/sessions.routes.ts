import type { AppContext } from '../../core/app-context.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { SlotsQueryDto } from './dto/slots-query.dto.js';
import { presentSlots, SlotListView } from './slots.presenter.js';
import { listSlots } from './usecases/list-slots.js';

/** Sessions (SPEC §5): so far, a mentor's free slots. */
export function sessionsRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute<undefined, SlotsQueryDto>({
      method: 'get',
      path: '/api/v1/mentors/:id/slots',
      summary: 'A mentor’s free session slots over Can Tho days (anyone who may see the profile)',
      tags: ['sessions'],
      auth: 'authenticated',
      query: SlotsQueryDto,
      responses: {
        200: { description: 'Earliest first, each as UTC instants with the local times of the mentor and of Can Tho', schema: SlotListView },
        404: { description: 'No such mentor, or not visible to the caller (`mentor_not_found`)' },
        422: { description: '`to` before `from`, or more than 31 days after it (`invalid_range`, naming `to`)' },
      },
      handler: async ({ user, params, query }) => ({ body: presentSlots(await listSlots(user, params.id!, query, ctx)) }),
    }),
  ];
}
