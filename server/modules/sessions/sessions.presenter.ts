import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { IsCalendarDate, VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { MILESTONE_STATES, type MilestoneState } from '../cohorts/milestone.model.js';
import { ACTION_ITEM_MOVES, MILESTONE_MOVE_OUTCOMES, SESSION_MODES, SESSION_STATUSES, type ActionItemMove, type MilestoneMoveOutcome, type SessionMode, type SessionStatus } from './session.model.js';
import { shown } from './session-access.js';
import { sessionsPolicy } from './sessions.policy.js';
import { actionItemsOf, type ActionItemRecord, type SessionRecord, type StoredMilestoneMove } from './sessions.repository.js';
import { localTime, type LocalTime } from './slots.js';
import { LocalTimeView } from './slots.presenter.js';

export class FeedbackView {
  @IsInt() rating!: number;
  @IsOptional() @IsString() comment!: string | null;
  @IsMongoId() by!: string;
  @IsDateString() at!: string;
}

export class SessionFeedbackView {
  /** The startup's team on the mentor; null until given. */
  @IsOptional() @ValidateNested() @Type(() => FeedbackView) startup!: FeedbackView | null;
  /** The mentor on the session; null until given. */
  @IsOptional() @ValidateNested() @Type(() => FeedbackView) mentor!: FeedbackView | null;
}

/** The mentor's private note. */
export class SessionNoteView {
  @IsMongoId() sessionId!: string;
  @IsString() text!: string;
  @IsDateString() updatedAt!: string;
}

/** What marking an action item done did to its milestone. */
export class MilestoneMoveView {
  /** `moved`; `already_there` (there or past it: an item never reopens a done milestone); `refused`, see `reason`. */
  @IsIn(MILESTONE_MOVE_OUTCOMES) outcome!: MilestoneMoveOutcome;
  /** Why it was refused, as the milestone route would say it: `invalid_transition`, `admission_not_active`, `concurrent_update`, `milestone_not_found`. */
  @IsOptional() @IsString() reason!: string | null;
  /** The milestone's state right after; null when it is gone. */
  @IsOptional() @IsIn(MILESTONE_STATES) milestoneState!: MilestoneState | null;
  @IsDateString() at!: string;
}

/** Something the startup is to do after a session, set by its mentor. */
export class ActionItemView {
  @IsMongoId() id!: string;
  @IsMongoId() sessionId!: string;
  @IsString() title!: string;
  /** A Can Tho date. */
  @IsOptional() @IsCalendarDate() dueOn!: string | null;
  /** The startup's milestone this item moves once done, and where to. */
  @IsOptional() @IsMongoId() milestoneId!: string | null;
  @IsOptional() @IsIn(ACTION_ITEM_MOVES) moveTo!: ActionItemMove | null;
  @IsBoolean() done!: boolean;
  @IsOptional() @IsDateString() doneAt!: string | null;
  @IsOptional() @IsMongoId() doneBy!: string | null;
  /** Set when it was marked done and names a milestone; null otherwise. */
  @IsOptional() @ValidateNested() @Type(() => MilestoneMoveView) milestoneMove!: MilestoneMoveView | null;
  @IsDateString() createdAt!: string;
  @IsMongoId() createdBy!: string;
}

/** A mentoring session as the API shows it. */
export class SessionView {
  @IsMongoId() id!: string;
  @IsMongoId() startupId!: string;
  @IsMongoId() mentorId!: string;
  @IsMongoId() mentorUserId!: string;
  @IsMongoId() mentorshipId!: string;
  @IsMongoId() bookedBy!: string;
  @IsIn(SESSION_STATUSES) status!: SessionStatus;
  @IsDateString() start!: string;
  @IsDateString() end!: string;
  @IsInt() minutes!: number;
  /** The start in Can Tho (Asia/Ho_Chi_Minh). */
  @ValidateNested() @Type(() => LocalTimeView) vietnamLocal!: LocalTime;
  @IsIn(SESSION_MODES) mode!: SessionMode;
  @IsOptional() @IsString() link!: string | null;
  @IsOptional() @IsString() place!: string | null;
  @IsString() topic!: string;
  @IsOptional() @IsString() agenda!: string | null;
  @IsOptional() @IsDateString() cancelledAt!: string | null;
  @IsOptional() @IsMongoId() cancelledBy!: string | null;
  @IsOptional() @IsString() cancelReason!: string | null;
  @IsOptional() @IsDateString() completedAt!: string | null;
  @IsOptional() @IsDateString() noShowAt!: string | null;
  @IsOptional() @IsMongoId() noShowBy!: string | null;
  /** The session this one replaced, and the one that replaced it (reschedules). */
  @IsOptional() @IsMongoId() replaces!: string | null;
  @IsOptional() @IsMongoId() replacedBy!: string | null;
  @ValidateNested() @Type(() => SessionFeedbackView) feedback!: SessionFeedbackView;
  /** The mentor's private note: for the mentor and admins, on GET /sessions/{id}; null for everyone else and everywhere else. */
  @IsOptional() @ValidateNested() @Type(() => SessionNoteView) mentorNote!: SessionNoteView | null;
  /** Oldest first, at most 20. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => ActionItemView) actionItems!: ActionItemView[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

export class SessionPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => SessionView) items!: SessionView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** POST /sessions/{id}/reschedule: the new session and the one it replaced. */
export class RescheduledSessionView {
  @ValidateNested() @Type(() => SessionView) session!: SessionView;
  @ValidateNested() @Type(() => SessionView) previous!: SessionView;
}

const hex = (id: { toHexString(): string } | null | undefined) => (id ? id.toHexString() : null);

type StoredFeedback = { rating: number; comment?: string | null; by: { toHexString(): string }; at: Date } | null | undefined;
const feedbackOf = (feedback: StoredFeedback): FeedbackView | null =>
  feedback ? { rating: feedback.rating, comment: feedback.comment ?? null, by: feedback.by.toHexString(), at: feedback.at.toISOString() } : null;

const milestoneMoveOf = (move: StoredMilestoneMove | null | undefined): MilestoneMoveView | null =>
  move ? { outcome: move.outcome, reason: move.reason ?? null, milestoneState: (move.state as MilestoneState | null | undefined) ?? null, at: move.at.toISOString() } : null;

export function presentActionItem(sessionId: { toHexString(): string }, item: ActionItemRecord): ActionItemView {
  return {
    id: item._id.toHexString(),
    sessionId: sessionId.toHexString(),
    title: item.title,
    dueOn: item.dueOn ?? null,
    milestoneId: hex(item.milestoneId),
    moveTo: item.moveTo ?? null,
    done: item.done,
    doneAt: item.doneAt?.toISOString() ?? null,
    doneBy: hex(item.doneBy),
    milestoneMove: milestoneMoveOf(item.milestoneMove),
    createdAt: item.createdAt.toISOString(),
    createdBy: item.createdBy.toHexString(),
  };
}

/** The note for those who may read it (`viewer`: the caller; none given, no note). */
function noteFor(session: SessionRecord, viewer: AuthUser | undefined): SessionNoteView | null {
  if (!session.mentorNote || !viewer || !sessionsPolicy.canReadNote(viewer, session)) return null;
  return presentNote(session);
}

/** The note of a session that has one (PUT …/notes answers it to its mentor). */
export function presentNote(session: SessionRecord): SessionNoteView {
  if (!session.mentorNote) throw new Error(`session ${session._id.toHexString()} has no note to present`);
  return { sessionId: session._id.toHexString(), text: session.mentorNote.text, updatedAt: session.mentorNote.updatedAt.toISOString() };
}

/** The session as `viewer` may see it: the mentor's note only for the mentor and admins, and only when a viewer is given. */
export function presentSession(session: SessionRecord, viewer?: AuthUser): SessionView {
  if (!shown(session)) throw new Error(`session ${session._id.toHexString()} is ${session.status}, which is never shown`);
  return {
    id: session._id.toHexString(),
    startupId: session.startupId.toHexString(),
    mentorId: session.mentorId.toHexString(),
    mentorUserId: session.mentorUserId.toHexString(),
    mentorshipId: session.mentorshipId.toHexString(),
    bookedBy: session.bookedBy.toHexString(),
    status: session.status,
    start: session.start.toISOString(),
    end: session.end.toISOString(),
    minutes: Math.round((session.end.getTime() - session.start.getTime()) / 60_000),
    vietnamLocal: localTime(session.start.getTime(), VIETNAM_ZONE),
    mode: session.mode,
    link: session.link ?? null,
    place: session.place ?? null,
    topic: session.topic,
    agenda: session.agenda ?? null,
    cancelledAt: session.cancelledAt?.toISOString() ?? null,
    cancelledBy: hex(session.cancelledBy),
    cancelReason: session.cancelReason ?? null,
    completedAt: session.completedAt?.toISOString() ?? null,
    noShowAt: session.noShowAt?.toISOString() ?? null,
    noShowBy: hex(session.noShowBy),
    replaces: hex(session.replaces),
    replacedBy: hex(session.replacedBy),
    feedback: { startup: feedbackOf(session.feedback?.startup), mentor: feedbackOf(session.feedback?.mentor) },
    mentorNote: noteFor(session, viewer),
    actionItems: actionItemsOf(session).map((item) => presentActionItem(session._id, item)),
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}
