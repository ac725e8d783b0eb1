import { Type } from 'class-transformer';
import {
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import {
  MentorAvailabilityDto,
  MentorCapacityDto,
  MentorConflictsDto,
  MentorLocationDto,
} from './dto/mentor-profile-fields.dto.js';
import { MENTOR_MODES, MENTOR_STATUSES, PROFILE_NUMBERS, type MentorMode, type MentorStatus } from './mentor-profile.js';
import type { MentorRecord, MentorSummaryRecord } from './mentors.repository.js';

/** Derived figures, kept up to date by mentorships, sessions and feedback. */
export class MentorStatsView {
  @IsInt() activeMentees!: number;
  @IsInt() sessionsHeld!: number;
  @IsNumber() hoursHeld!: number;
  /** Average rating 1–5; null before the first rating. */
  @IsOptional() @IsNumber() rating!: number | null;
  @IsInt() ratingCount!: number;
  /** Median hours to answer a request; null before the first answer. */
  @IsOptional() @IsNumber() medianResponseHours!: number | null;
}

/** One status change of a profile. */
export class MentorStatusChangeView {
  @IsIn(MENTOR_STATUSES) from!: MentorStatus;
  @IsIn(MENTOR_STATUSES) to!: MentorStatus;
  @IsDateString() at!: string;
  /** Who made it (the mentor, or the manager who approved). */
  @IsOptional() @IsMongoId() by!: string | null;
}

/**
 * A mentor in a list: who they are, what they help with, how they meet,
 * their load. Availability, conflicts of interest and history are on the
 * profile itself (GET /mentors/{id}); the list stays small.
 */
export class MentorSummaryView {
  @IsMongoId() id!: string;
  /** The mentor's user. */
  @IsMongoId() userId!: string;
  @IsString() name!: string;
  @IsString() title!: string;
  @IsString() organisation!: string;
  @IsString() bio!: string;
  @IsArray() @IsString({ each: true }) sectors!: string[];
  @IsArray() @IsString({ each: true }) stages!: string[];
  @IsArray() @IsString({ each: true }) expertise!: string[];
  @IsArray() @IsString({ each: true }) languages!: string[];
  @IsString() timezone!: string;
  @IsIn(MENTOR_MODES) mode!: MentorMode;
  @ValidateNested() @Type(() => MentorLocationDto) location!: { district: string | null; city: string | null };
  @ValidateNested() @Type(() => MentorCapacityDto) capacity!: { maxActiveMentees: number; maxSessionsPerMonth: number };
  @IsInt() sessionMinutes!: number;
  @IsIn(MENTOR_STATUSES) status!: MentorStatus;
  @ValidateNested() @Type(() => MentorStatsView) stats!: MentorStatsView;
  /** When a manager approved the profile; null while pending. */
  @IsOptional() @IsDateString() approvedAt!: string | null;
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

/** A mentor profile as the API shows it: never its search text or revision. */
export class MentorView extends MentorSummaryView {
  /** Startups and companies the mentor must not be matched with: only for the mentor and staff, null for everyone else. */
  @IsOptional() @ValidateNested() @Type(() => MentorConflictsDto) conflicts!: { startupIds: string[]; enterpriseCodes: string[] } | null;
  @ValidateNested() @Type(() => MentorAvailabilityDto) availability!: {
    weekly: Array<{ weekday: number; start: string; end: string }>;
    blockedDates: string[];
  };
  @IsInt() bufferMinutes!: number;
  @IsInt() minNoticeHours!: number;
  @IsInt() responseDays!: number;
  /** Every status change, oldest first. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentorStatusChangeView) statusHistory!: MentorStatusChangeView[];
}

export function presentMentorSummary(mentor: MentorSummaryRecord): MentorSummaryView {
  return {
    id: mentor._id.toHexString(),
    userId: mentor.userId.toHexString(),
    name: mentor.name,
    title: mentor.title,
    organisation: mentor.organisation,
    bio: mentor.bio,
    sectors: [...mentor.sectors],
    stages: [...mentor.stages],
    expertise: [...mentor.expertise],
    languages: [...mentor.languages],
    timezone: mentor.timezone,
    mode: mentor.mode,
    location: { district: mentor.location?.district ?? null, city: mentor.location?.city ?? null },
    capacity: { maxActiveMentees: mentor.capacity.maxActiveMentees, maxSessionsPerMonth: mentor.capacity.maxSessionsPerMonth },
    sessionMinutes: mentor.sessionMinutes,
    status: mentor.status,
    stats: {
      activeMentees: mentor.stats.activeMentees,
      sessionsHeld: mentor.stats.sessionsHeld,
      hoursHeld: mentor.stats.hoursHeld,
      rating: mentor.stats.rating ?? null,
      ratingCount: mentor.stats.ratingCount,
      medianResponseHours: mentor.stats.medianResponseHours ?? null,
    },
    approvedAt: mentor.approvedAt?.toISOString() ?? null,
    createdAt: mentor.createdAt.toISOString(),
    updatedAt: mentor.updatedAt.toISOString(),
  };
}

/** The whole profile; `conflicts` only when `seesConflicts` (the mentor, staff). */
export function presentMentor(mentor: MentorRecord, seesConflicts: boolean): MentorView {
  return {
    ...presentMentorSummary(mentor),
    conflicts: seesConflicts
      ? {
          startupIds: (mentor.conflicts?.startupIds ?? []).map((id) => id.toHexString()),
          enterpriseCodes: [...(mentor.conflicts?.enterpriseCodes ?? [])],
        }
      : null,
    availability: {
      weekly: (mentor.availability?.weekly ?? []).map(({ weekday, start, end }) => ({ weekday, start, end })),
      blockedDates: [...(mentor.availability?.blockedDates ?? [])],
    },
    bufferMinutes: mentor.bufferMinutes,
    minNoticeHours: mentor.minNoticeHours,
    responseDays: mentor.responseDays ?? PROFILE_NUMBERS.responseDays.default,
    statusHistory: (mentor.statusHistory ?? []).map((c) => ({ from: c.from, to: c.to, at: c.at.toISOString(), by: c.by?.toHexString() ?? null })),
  };
}
