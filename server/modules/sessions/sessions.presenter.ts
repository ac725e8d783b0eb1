import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import { VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { SESSION_MODES, SESSION_STATUSES, type SessionMode, type SessionStatus } from './session.model.js';
import { shown } from './session-access.js';
import type { SessionRecord } from './sessions.repository.js';
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

export function presentSession(session: SessionRecord): SessionView {
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
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}
