import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { bodyField, defineRoute, linksTo, type RouteSpec } from '../../core/http/route.js';
import { BookSessionDto } from './dto/book-session.dto.js';
import { CancelSessionDto, GiveFeedbackDto, RescheduleSessionDto } from './dto/change-session.dto.js';
import { AddActionItemDto, MarkActionItemDto, WriteSessionNoteDto } from './dto/session-notes.dto.js';
import { ListSessionsQuery } from './dto/list-sessions.query.js';
import { SlotsQueryDto } from './dto/slots-query.dto.js';
import { visibleSession } from './session-access.js';
import { ActionItemView, presentActionItem, presentNote, presentSession, RescheduledSessionView, SessionNoteView, SessionPageView, SessionView } from './sessions.presenter.js';
import { presentSlots, SlotListView } from './slots.presenter.js';
import { bookSession } from './usecases/book-session.js';
import { cancelSession, completeSession, giveFeedback, rescheduleSession, reportNoShow } from './usecases/change-session.js';
import { listSessions } from './usecases/list-sessions.js';
import { listSlots } from './usecases/list-slots.js';
import { feedIcs, issueCalendarFeed, revokeCalendarFeed, sessionIcs } from './usecases/session-calendars.js';
import { CalendarFeedView } from './calendar-feed.view.js';
import { addActionItem } from './usecases/add-action-item.js';
import { markActionItem } from './usecases/mark-action-item.js';
import { writeSessionNote } from './usecases/write-session-note.js';
import { sessionMilestones } from './usecases/session-milestones.js';
import { MilestonePageView, presentMilestone } from '../cohorts/milestones.presenter.js';
import { todayInVietnam } from '../../core/time/calendar-date.js';

const ICS = 'text/calendar; charset=utf-8';

/** What a client (and the stateful fuzzer) may do next with the session at `at` in a response (a JSON pointer; '' for the body itself). */
const sessionLinksAt = (at: string) =>
  linksTo(
    {
      GetSession: 'get /api/v1/sessions/:id',
      GetSessionCalendar: 'get /api/v1/sessions/:id/calendar',
      CancelSession: 'post /api/v1/sessions/:id/cancel',
      RescheduleSession: 'post /api/v1/sessions/:id/reschedule',
      CompleteSession: 'post /api/v1/sessions/:id/complete',
      ReportNoShow: 'post /api/v1/sessions/:id/no-show',
      SendFeedback: 'post /api/v1/sessions/:id/feedback',
      WriteSessionNote: 'put /api/v1/sessions/:id/notes',
      AddActionItem: 'post /api/v1/sessions/:id/action-items',
      ListSessionMilestones: 'get /api/v1/sessions/:id/milestones',
    },
    { id: bodyField(at) },
  );
const sessionLinks = sessionLinksAt('');
/** …once it is held: what only a held session takes. */
const afterCompletion = (({ GetSession, SendFeedback, WriteSessionNote, AddActionItem }) => ({ GetSession, SendFeedback, WriteSessionNote, AddActionItem }))(sessionLinks);
/** …and with the first milestone of a page. */
const firstMilestoneLinks = linksTo({ GetMilestone: 'get /api/v1/milestones/:id', ChangeMilestone: 'patch /api/v1/milestones/:id' }, { id: bodyField('/items/0') });
const seen = {
  404: { description: 'No such session, or not visible to the caller (`session_not_found`)' },
};
const notScheduled = '`session_not_scheduled` (with `sessionStatus`) when it is no longer scheduled';

/** Sessions (SPEC §5): free slots, booking, and a session's life. */
export function sessionsRoutes(ctx: AppContext): RouteSpec[] {
  const tags = ['sessions'];
  return [
    defineRoute<undefined, SlotsQueryDto>({
      method: 'get',
      path: '/api/v1/mentors/:id/slots',
      summary: 'A mentor’s free session slots over Can Tho days (anyone who may see the profile)',
      tags,
      auth: 'authenticated',
      query: SlotsQueryDto,
      responses: {
        200: { description: 'Earliest first, each as UTC instants with the local times of the mentor and of Can Tho; booked sessions, buffers and full months left out', schema: SlotListView },
        404: { description: 'No such mentor, or not visible to the caller (`mentor_not_found`)' },
        422: { description: '`to` before `from`, or more than 31 days after it (`invalid_range`, naming `to`)' },
      },
      handler: async ({ user, params, query }) => ({ body: presentSlots(await listSlots(user, params.id!, query, ctx)) }),
    }),
    defineRoute<BookSessionDto>({
      method: 'post',
      path: '/api/v1/sessions',
      summary: 'Book one of a mentor’s free slots for a startup with an active mentorship with them (its team, its cohort’s managers, admins)',
      tags,
      auth: 'authenticated',
      body: BookSessionDto,
      example: { startupId: '6a1f00000000000000000001', mentorId: '6a1f00000000000000000002', start: '2026-06-17T02:00:00.000Z', mode: 'online', link: 'https://meet.example.vn/runway', topic: 'Kênh phân phối' },
      responses: {
        201: { description: 'Booked: the slot is the startup’s', schema: SessionView, links: sessionLinks },
        403: { description: 'A mentor (`forbidden`), or a manager of another cohort (`not_cohort_manager`)' },
        404: { description: 'No such startup or mentor, or not visible (`startup_not_found`, `mentor_not_found`)' },
        409: { description: 'The slot was taken meanwhile (`slot_taken`), the mentor’s month is full (`monthly_cap_reached`), no active mentorship (`no_active_mentorship`), the mentor is not active (`mentor_not_active`), or too many bookings with this mentor at once (`calendar_busy`: try again)' },
        422: { description: '`start` is not one of the mentor’s slots (`not_a_slot`), or the link (online) or place (in person) is missing (`required_for_mode`)' },
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentSession(await bookSession(user, body, ctx)) }),
    }),
    defineRoute<undefined, ListSessionsQuery>({
      method: 'get',
      path: '/api/v1/sessions',
      summary: 'Sessions the caller may see: a founder their startups’, a mentor theirs, a manager their cohorts’, an admin all',
      tags,
      auth: 'authenticated',
      query: ListSessionsQuery,
      responses: { 200: { description: 'One page, in id order (booking order)', schema: SessionPageView, links: sessionLinksAt('/items/0') } },
      handler: async ({ user, query }) => ({ body: mapPage(await listSessions(user, query), presentSession) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/sessions/:id',
      summary: 'One session (its startup’s team and cohort managers, its mentor, admins); `mentorNote` only for its mentor and admins',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'The session', schema: SessionView, links: sessionLinks }, ...seen },
      handler: async ({ user, params }) => ({ body: presentSession((await visibleSession(user, params.id!)).session, user) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/sessions/:id/calendar',
      summary: 'One session as an iCalendar (.ics) file, in the reader’s zone (its parties, admins)',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'RFC 5545, one VEVENT with its VTIMEZONE', contentType: 'text/calendar' }, ...seen },
      handler: async ({ user, params }) => ({
        text: await sessionIcs(user, params.id!, ctx),
        headers: { 'Content-Type': ICS, 'Content-Disposition': `attachment; filename="runway-session-${params.id}.ics"`, 'Cache-Control': 'private, no-store' },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/sessions/:id/milestones',
      summary: 'The milestones of the session’s startup in its active cohorts, to name one in an action item (its parties, admins)',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'Oldest admission first, each in template order (never more than one page)', schema: MilestonePageView, links: firstMilestoneLinks }, ...seen },
      handler: async ({ user, params }) => {
        const today = todayInVietnam(ctx.now());
        return { body: { items: (await sessionMilestones(user, params.id!)).map((m) => presentMilestone(m, today)), nextCursor: null } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/me/calendar-feed',
      summary: 'A new private calendar feed URL of the caller’s sessions; any earlier one stops working',
      tags,
      auth: 'authenticated',
      responses: { 201: { description: 'The path of the feed: keep it private, anyone with it can read the calendar', schema: CalendarFeedView } },
      handler: async ({ user }) => {
        const feed = await issueCalendarFeed(user, ctx);
        return { status: 201, body: { path: feed.path, createdAt: feed.createdAt.toISOString() }, headers: { 'Cache-Control': 'no-store' } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/me/calendar-feed',
      summary: 'Revoke the caller’s calendar feed URL (nothing to revoke is fine too)',
      tags,
      auth: 'authenticated',
      responses: { 204: { description: 'The feed URL no longer works' } },
      handler: async ({ user }) => {
        await revokeCalendarFeed(user);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/calendar-feeds/:token',
      summary: 'A private calendar feed (the token is the key: no sign-in, for calendar apps)',
      tags,
      responses: {
        200: { description: 'RFC 5545: the owner’s sessions from a month back to half a year ahead', contentType: 'text/calendar' },
        404: { description: 'No feed with this token: replaced or revoked (`feed_not_found`)' },
      },
      handler: async ({ params }) => ({ text: await feedIcs(params.token!, ctx), headers: { 'Content-Type': ICS, 'Cache-Control': 'private, max-age=300' } }),
    }),
    defineRoute<CancelSessionDto>({
      method: 'post',
      path: '/api/v1/sessions/:id/cancel',
      summary: 'Cancel a scheduled session before it starts (any party); its time is free again',
      tags,
      auth: 'authenticated',
      body: CancelSessionDto,
      example: { reason: 'Nhóm bận làm hồ sơ gọi vốn tuần này.' },
      responses: {
        200: { description: 'Cancelled', schema: SessionView },
        403: { description: 'Sees it but is not a party (`not_session_party`)' },
        ...seen,
        409: { description: `It has started (\`session_started\`), or ${notScheduled}` },
      },
      handler: async ({ user, params, body }) => ({ body: presentSession(await cancelSession(user, params.id!, body, ctx)) }),
    }),
    defineRoute<RescheduleSessionDto>({
      method: 'post',
      path: '/api/v1/sessions/:id/reschedule',
      summary: 'Move a scheduled session to another free slot of its mentor, as one operation (any party)',
      tags,
      auth: 'authenticated',
      body: RescheduleSessionDto,
      example: { start: '2026-06-18T02:00:00.000Z' },
      responses: {
        200: { description: 'The new session, and the old one cancelled as `rescheduled`', schema: RescheduledSessionView, links: { ...sessionLinksAt('/session'), GetPreviousSession: { to: 'get /api/v1/sessions/:id', parameters: { id: '$response.body#/previous/id' } } } },
        403: { description: 'Sees it but is not a party (`not_session_party`)' },
        ...seen,
        409: { description: `The new slot is taken (\`slot_taken\`), the month is full (\`monthly_cap_reached\`), it has started (\`session_started\`), the mentorship ended or the mentor is not active, or ${notScheduled}` },
        422: { description: '`start` is not one of the mentor’s slots (`not_a_slot`)' },
      },
      handler: async ({ user, params, body }) => {
        const moved = await rescheduleSession(user, params.id!, body, ctx);
        return { body: { session: presentSession(moved.session), previous: presentSession(moved.previous) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/sessions/:id/complete',
      summary: 'Mark a session held, once it has started (its mentor, admins)',
      tags,
      auth: 'authenticated',
      responses: {
        200: { description: 'Completed', schema: SessionView, links: afterCompletion },
        403: { description: 'Not its mentor (`not_the_mentor`)' },
        ...seen,
        409: { description: `Not started yet (\`session_not_started\`), or ${notScheduled}` },
      },
      handler: async ({ user, params }) => ({ body: presentSession(await completeSession(user, params.id!, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/sessions/:id/no-show',
      summary: 'Report that the other side did not come, once it has started (its mentor, the startup’s team, admins)',
      tags,
      auth: 'authenticated',
      responses: {
        200: { description: 'Marked no_show, with who reported it', schema: SessionView },
        403: { description: 'A manager (`not_session_party`)' },
        ...seen,
        409: { description: `Not started yet (\`session_not_started\`), or ${notScheduled}` },
      },
      handler: async ({ user, params }) => ({ body: presentSession(await reportNoShow(user, params.id!, ctx)) }),
    }),
    defineRoute<GiveFeedbackDto>({
      method: 'post',
      path: '/api/v1/sessions/:id/feedback',
      summary: 'Rate a completed session, once per side: the startup’s team rates the mentor (it feeds the mentor’s rating), the mentor rates the session',
      tags,
      auth: 'authenticated',
      body: GiveFeedbackDto,
      example: { rating: 5, comment: 'Góp ý rất cụ thể về bảng giá.' },
      responses: {
        200: { description: 'The session with the feedback', schema: SessionView },
        403: { description: 'Neither its mentor nor a member of the startup’s team (`not_session_party`)' },
        ...seen,
        409: { description: 'Not completed (`session_not_completed`, with `sessionStatus`), or this side’s feedback is already in (`feedback_given`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentSession(await giveFeedback(user, params.id!, body, ctx)) }),
    }),
    defineRoute<WriteSessionNoteDto>({
      method: 'put',
      path: '/api/v1/sessions/:id/notes',
      summary: 'Write or replace the mentor’s private note on a scheduled or completed session (its mentor; only the mentor and admins read it)',
      tags,
      auth: 'authenticated',
      body: WriteSessionNoteDto,
      example: { text: 'Nhóm nắm rõ chi phí; cần luyện phần trình bày doanh thu.' },
      responses: {
        200: { description: 'The note as stored (trimmed, NFC)', schema: SessionNoteView, links: { GetSession: { to: 'get /api/v1/sessions/:id', parameters: { id: '$response.body#/sessionId' } } } },
        403: { description: 'Sees the session but is not its mentor (`not_the_mentor`)' },
        ...seen,
        409: { description: 'Cancelled or a no-show (`session_closed`, with `sessionStatus`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentNote(await writeSessionNote(user, params.id!, body, ctx)) }),
    }),
    defineRoute<AddActionItemDto>({
      method: 'post',
      path: '/api/v1/sessions/:id/action-items',
      summary: 'Set the startup an action item on a scheduled or completed session, optionally moving one of its milestones once done (its mentor, admins); the team is told',
      tags,
      auth: 'authenticated',
      body: AddActionItemDto,
      example: { title: 'Gửi bảng giá mới cho hai siêu thị ở Ninh Kiều', dueOn: '2026-07-01', milestoneId: '6a1f00000000000000000003', moveTo: 'done' },
      responses: {
        201: {
          description: 'Added, not done',
          schema: ActionItemView,
          links: { MarkActionItem: { to: 'patch /api/v1/sessions/:id/action-items/:itemId', parameters: { id: '$response.body#/sessionId', itemId: '$response.body#/id' } } },
        },
        403: { description: 'Sees the session but is not its mentor (`not_the_mentor`)' },
        ...seen,
        409: { description: 'Cancelled or a no-show (`session_closed`, with `sessionStatus`), or it has 20 action items already (`action_items_full`, with `limit`)' },
        422: {
          description:
            '`dueOn` before today in Can Tho, or `moveTo` without `milestoneId` (`rule_violated`); `milestoneId` is not a milestone of the session’s startup (`milestone_not_of_startup`) or its admission has ended (`admission_not_active`) — each naming the field',
        },
      },
      handler: async ({ user, params, body }) => {
        const added = await addActionItem(user, params.id!, body, ctx);
        return { status: 201, body: presentActionItem(added.session._id, added.item) };
      },
    }),
    defineRoute<MarkActionItemDto>({
      method: 'patch',
      path: '/api/v1/sessions/:id/action-items/:itemId',
      summary:
        'Mark an action item done or not done (its mentor, the startup’s team, admins). Done moves its milestone, if it names one, by the milestones’ own rules; `milestoneMove` says what happened',
      tags,
      auth: 'authenticated',
      body: MarkActionItemDto,
      example: { done: true },
      responses: {
        200: { description: 'Marked; with `milestoneMove` (moved, already there, or refused and why) when done and naming a milestone', schema: ActionItemView, links: { GetSession: { to: 'get /api/v1/sessions/:id', parameters: { id: '$response.body#/sessionId' } } } },
        403: { description: 'A manager: they follow action items, the two sides tick them (`not_session_party`)' },
        404: { description: 'No such session or action item, or not visible to the caller (`session_not_found`, `action_item_not_found`)' },
        409: { description: 'Already done (`action_item_already_done`, with `doneAt`), or not done (`action_item_not_done`): of two “done” at once, one moves the milestone' },
      },
      handler: async ({ user, params, body }) => {
        const marked = await markActionItem(user, params.id!, params.itemId!, body, ctx);
        return { body: presentActionItem(marked.sessionId, marked.item) };
      },
    }),
  ];
}
