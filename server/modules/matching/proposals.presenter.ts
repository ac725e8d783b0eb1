import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsMongoId, IsNumber, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../../core/http/bilingual-text.view.js';
import { APPLY_AS, PROPOSAL_STATUSES, type ApplyAs, type ProposalStatus } from './proposal.model.js';
import type { ProposalRecord } from './proposals.repository.js';

export class ProposalPairView {
  @IsMongoId() startupId!: string;
  @IsString() startupName!: string;
  @IsMongoId() mentorId!: string;
  @IsString() mentorName!: string;
  @IsNumber() score!: number;
  @ValidateNested() @Type(() => BilingualTextView) reason!: BilingualTextView;
}

/** A startup the proposal leaves short, and why. */
export class UnservedStartupView {
  @IsMongoId() startupId!: string;
  @IsString() startupName!: string;
  @IsInt() missing!: number;
  @IsInt() eligibleMentors!: number;
  /** `too_few_eligible`: not enough mentors pass the hard filters; `capacity_used_elsewhere`: their places went to better-scoring pairs. */
  @IsIn(['too_few_eligible', 'capacity_used_elsewhere']) why!: 'too_few_eligible' | 'capacity_used_elsewhere';
  /** How many mentors each hard filter excluded for it (reason code → count). */
  @IsObject() exclusions!: Record<string, number>;
}

export class ApplyResultView {
  @IsMongoId() startupId!: string;
  @IsMongoId() mentorId!: string;
  @IsIn(['created', 'failed']) outcome!: 'created' | 'failed';
  /** The problem code of a failed pair (`mentor_at_capacity`, `request_open`, …). */
  @IsOptional() @IsString() code!: string | null;
  @IsOptional() @IsMongoId() requestId!: string | null;
  @IsOptional() @IsMongoId() mentorshipId!: string | null;
}

/** A cohort-wide assignment proposal. */
export class ProposalView {
  @IsMongoId() id!: string;
  @IsMongoId() cohortId!: string;
  @IsIn(PROPOSAL_STATUSES) status!: ProposalStatus;
  @IsInt() mentorsPerStartup!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ProposalPairView) pairs!: ProposalPairView[];
  /** The pairs' total score (after the manager's edits). */
  @IsNumber() total!: number;
  /** The exact optimum when the proposal was made, and what a greedy pass would have given. */
  @IsNumber() optimalTotal!: number;
  @IsNumber() greedyTotal!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => UnservedStartupView) unserved!: UnservedStartupView[];
  @IsBoolean() edited!: boolean;
  /** Milliseconds spent scoring every pair and solving. */
  @IsInt() computeMs!: number;
  @IsMongoId() createdBy!: string;
  @IsDateString() createdAt!: string;
  @IsOptional() @IsDateString() appliedAt!: string | null;
  @IsOptional() @IsIn(APPLY_AS) appliedAs!: ApplyAs | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ApplyResultView) results!: ApplyResultView[];
}

export class ProposalPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => ProposalView) items!: ProposalView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

const hex = (id: { toHexString(): string } | null | undefined) => (id ? id.toHexString() : null);

export function presentProposal(p: ProposalRecord): ProposalView {
  return {
    id: p._id.toHexString(),
    cohortId: p.cohortId.toHexString(),
    status: p.status,
    mentorsPerStartup: p.mentorsPerStartup,
    pairs: p.pairs.map((pair) => ({
      startupId: pair.startupId.toHexString(),
      startupName: pair.startupName,
      mentorId: pair.mentorId.toHexString(),
      mentorName: pair.mentorName,
      score: pair.score,
      reason: { vi: pair.reason.vi, en: pair.reason.en },
    })),
    total: p.total,
    optimalTotal: p.optimalTotal,
    greedyTotal: p.greedyTotal,
    unserved: p.unserved.map((u) => ({
      startupId: u.startupId.toHexString(),
      startupName: u.startupName,
      missing: u.missing,
      eligibleMentors: u.eligibleMentors,
      why: u.why as UnservedStartupView['why'],
      exclusions: u.exclusions instanceof Map ? Object.fromEntries(u.exclusions) : { ...u.exclusions },
    })),
    edited: p.edited ?? false,
    computeMs: p.computeMs,
    createdBy: p.createdBy.toHexString(),
    createdAt: p.createdAt.toISOString(),
    appliedAt: p.appliedAt?.toISOString() ?? null,
    appliedAs: p.appliedAs ?? null,
    results: p.results.map((r) => ({
      startupId: r.startupId.toHexString(),
      mentorId: r.mentorId.toHexString(),
      outcome: r.outcome,
      code: r.code ?? null,
      requestId: hex(r.requestId),
      mentorshipId: hex(r.mentorshipId),
    })),
  };
}
