import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsMongoId, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from './mentor-request.model.js';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from './mentorship.model.js';
import type { MentorshipRecord } from './mentorships.repository.js';
import type { MentorRequestRecord } from './requests.repository.js';

export class RequestHistoryView {
  @IsIn(REQUEST_STATUSES) status!: RequestStatus;
  @IsDateString() at!: string;
  /** Null for the system (expiry). */
  @IsOptional() @IsMongoId() by!: string | null;
  @IsOptional() @IsString() note!: string | null;
}

/** A mentor request as the API shows it. */
export class MentorRequestView {
  @IsMongoId() id!: string;
  @IsMongoId() startupId!: string;
  @IsMongoId() mentorId!: string;
  @IsMongoId() mentorUserId!: string;
  @IsMongoId() requestedBy!: string;
  @IsString() message!: string;
  @IsArray() @IsString({ each: true }) topics!: string[];
  @IsIn(REQUEST_STATUSES) status!: RequestStatus;
  @IsDateString() requestedAt!: string;
  /** When it expires (or expired) unless the mentor answers. */
  @IsDateString() expiresAt!: string;
  @IsOptional() @IsDateString() respondedAt!: string | null;
  /** Hours the mentor took to answer. */
  @IsOptional() @IsNumber() responseHours!: number | null;
  @IsOptional() @IsString() declineReason!: string | null;
  @IsOptional() @IsMongoId() mentorshipId!: string | null;
  @IsOptional() @IsMongoId() proposalId!: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => RequestHistoryView) history!: RequestHistoryView[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

export class MentorRequestPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentorRequestView) items!: MentorRequestView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** A mentorship as the API shows it. */
export class MentorshipView {
  @IsMongoId() id!: string;
  @IsMongoId() startupId!: string;
  @IsMongoId() mentorId!: string;
  @IsMongoId() mentorUserId!: string;
  /** Null when a manager assigned it directly. */
  @IsOptional() @IsMongoId() requestId!: string | null;
  @IsOptional() @IsMongoId() proposalId!: string | null;
  @IsIn(MENTORSHIP_STATUSES) status!: MentorshipStatus;
  @IsDateString() startedAt!: string;
  @IsMongoId() startedBy!: string;
  @IsOptional() @IsDateString() endedAt!: string | null;
  @IsOptional() @IsMongoId() endedBy!: string | null;
  @IsOptional() @IsString() endReason!: string | null;
}

export class MentorshipPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentorshipView) items!: MentorshipView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** POST /mentor-requests/{id}/accept: the request and the mentorship it started. */
export class AcceptedRequestView {
  @ValidateNested() @Type(() => MentorRequestView) request!: MentorRequestView;
  @ValidateNested() @Type(() => MentorshipView) mentorship!: MentorshipView;
}

const hex = (id: { toHexString(): string } | null | undefined) => (id ? id.toHexString() : null);

export function presentRequest(request: MentorRequestRecord): MentorRequestView {
  return {
    id: request._id.toHexString(),
    startupId: request.startupId.toHexString(),
    mentorId: request.mentorId.toHexString(),
    mentorUserId: request.mentorUserId.toHexString(),
    requestedBy: request.requestedBy.toHexString(),
    message: request.message,
    topics: request.topics,
    status: request.status,
    requestedAt: request.requestedAt.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    respondedAt: request.respondedAt?.toISOString() ?? null,
    responseHours: typeof request.responseHours === 'number' ? Math.round(request.responseHours * 100) / 100 : null,
    declineReason: request.declineReason ?? null,
    mentorshipId: hex(request.mentorshipId),
    proposalId: hex(request.proposalId),
    history: request.history.map((h) => ({ status: h.status, at: h.at.toISOString(), by: hex(h.by), note: h.note ?? null })),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export function presentMentorship(mentorship: MentorshipRecord): MentorshipView {
  return {
    id: mentorship._id.toHexString(),
    startupId: mentorship.startupId.toHexString(),
    mentorId: mentorship.mentorId.toHexString(),
    mentorUserId: mentorship.mentorUserId.toHexString(),
    requestId: hex(mentorship.requestId),
    proposalId: hex(mentorship.proposalId),
    status: mentorship.status,
    startedAt: mentorship.startedAt.toISOString(),
    startedBy: mentorship.startedBy.toHexString(),
    endedAt: mentorship.endedAt?.toISOString() ?? null,
    endedBy: hex(mentorship.endedBy),
    endReason: mentorship.endReason ?? null,
  };
}
