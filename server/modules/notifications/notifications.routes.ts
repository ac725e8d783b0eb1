import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { NotFound } from '../../core/errors.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationPageView, NotificationView, presentNotification } from './notifications.presenter.js';
import { notificationsRepository } from './notifications.repository.js';

/** What Runway told the caller (request answered, expired with a next match, …), in Vietnamese and English. */
export function notificationsRoutes(ctx: AppContext): RouteSpec[] {
  const tags = ['notifications'];
  return [
    defineRoute<undefined, ListNotificationsQuery>({
      method: 'get',
      path: '/api/v1/notifications',
      summary: 'Your notifications, oldest first (`unread=true` for the unread ones)',
      tags,
      auth: 'authenticated',
      query: ListNotificationsQuery,
      responses: { 200: { description: 'One page', schema: NotificationPageView, links: { MarkRead: { to: 'post /api/v1/notifications/:id/read', parameters: { id: '$response.body#/items/0/id' } } } } },
      handler: async ({ user, query }) => ({
        body: mapPage(await notificationsRepository.listFor(user.id, query.unread === true, { limit: query.limit, cursor: query.cursor }), presentNotification),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notifications/:id/read',
      summary: 'Mark one of your notifications read',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'Read', schema: NotificationView }, 404: { description: 'No such notification of yours' } },
      handler: async ({ user, params }) => {
        const read = await notificationsRepository.markRead(user.id, params.id!, ctx.now());
        if (!read) throw new NotFound('notification_not_found', 'No such notification of yours.');
        return { body: presentNotification(read) };
      },
    }),
  ];
}
