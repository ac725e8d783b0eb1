import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsMongoId, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../../core/http/bilingual-text.view.js';
import { CohortWeightsView } from '../cohorts/cohorts.presenter.js';
import { MATCH_MODES } from './dto/match-query.dto.js';
import { EXCLUSION_LABELS, reasonFor } from './match-reasons.js';
import type { MentorRanking } from './usecases/rank-mentors.js';
import { CRITERIA, EXCLUSION_REASONS, normalizedWeights, type Criterion, type ExclusionReason } from './scoring.js';

/** One criterion's part in a score. */
export class ContributionView {
  @IsIn(CRITERIA) criterion!: Criterion;
  /** The cohort's weight for it (0–10). */
  @IsNumber() weight!: number;
  /** How well the pair meets it, 0–1. */
  @IsNumber() value!: number;
  /** Points it adds to the score: 100 × weight × value / the sum of the weights. */
  @IsNumber() points!: number;
}

/** A ranked mentor. */
export class MatchView {
  @IsInt() rank!: number;
  @IsMongoId() mentorId!: string;
  @IsString() name!: string;
  /** 0–100, one decimal; the contributions' points add up to it (give or take rounding). */
  @IsNumber() score!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ContributionView) contributions!: ContributionView[];
  @ValidateNested() @Type(() => BilingualTextView) reason!: BilingualTextView;
}

/** A reason a hard filter gave, with its words. */
export class ExclusionView {
  @IsIn(EXCLUSION_REASONS) code!: ExclusionReason;
  @IsString() vi!: string;
  @IsString() en!: string;
}

/** A mentor the hard filters removed, with every reason and the score they would have had. */
export class ExcludedMentorView {
  @IsMongoId() mentorId!: string;
  @IsString() name!: string;
  @IsNumber() score!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExclusionView) reasons!: ExclusionView[];
}

/** How many mentors each reason removed (a mentor may count under several). */
export class ExclusionCountsView implements Record<ExclusionReason, number> {
  @IsInt() inactive!: number;
  @IsInt() at_capacity!: number;
  @IsInt() conflict_of_interest!: number;
  @IsInt() no_shared_language!: number;
  @IsInt() no_free_time!: number;
  @IsInt() mode_location!: number;
  @IsInt() already_requested!: number;
  @IsInt() already_mentoring!: number;
}

export class ExcludedListView {
  @ValidateNested() @Type(() => ExclusionCountsView) counts!: ExclusionCountsView;
  /** The best-scoring excluded mentors, as many as `limit`. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExcludedMentorView) items!: ExcludedMentorView[];
}

/** GET /matches. */
export class MatchListView {
  @IsMongoId() startupId!: string;
  /** The topics matched on: those asked for, else the startup's needs. */
  @IsArray() @IsString({ each: true }) topics!: string[];
  @IsIn(MATCH_MODES) mode!: (typeof MATCH_MODES)[number];
  @ValidateNested() @Type(() => CohortWeightsView) weights!: CohortWeightsView;
  /** The cohort whose weights apply; null for the defaults. */
  @IsOptional() @IsMongoId() weightsFrom!: string | null;
  /** Mentors looked at. */
  @IsInt() considered!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchView) items!: MatchView[];
  /** Present with `explain=excluded`, else null. */
  @IsOptional() @ValidateNested() @Type(() => ExcludedListView) excluded!: ExcludedListView | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const twoDecimals = (n: number) => Math.round(n * 100) / 100;

export function presentMatches(result: MentorRanking, mode: (typeof MATCH_MODES)[number]): MatchListView {
  const { subject, index, query, ranking } = result;
  const normalized = normalizedWeights(subject.weights);
  const contributions = (values: Float64Array): ContributionView[] =>
    CRITERIA.map((criterion, i) => ({
      criterion,
      weight: subject.weights[criterion],
      value: twoDecimals(values[i]!),
      points: oneDecimal(100 * normalized[i]! * values[i]!),
    }));
  return {
    startupId: subject.startupId,
    topics: [...result.topics],
    mode,
    weights: { ...subject.weights },
    weightsFrom: subject.weightsFrom,
    considered: ranking.considered,
    items: ranking.ranked.map((r, i) => ({
      rank: i + 1,
      mentorId: index.ids[r.slot]!,
      name: index.names[r.slot]!,
      score: oneDecimal(r.score),
      contributions: contributions(r.values),
      reason: reasonFor(index, r.slot, query, r.values, normalized),
    })),
    excluded: ranking.excluded
      ? {
          counts: { ...ranking.excluded.counts },
          items: ranking.excluded.items.map((e) => ({
            mentorId: index.ids[e.slot]!,
            name: index.names[e.slot]!,
            score: oneDecimal(e.score),
            reasons: e.reasons.map((code) => ({ code, ...EXCLUSION_LABELS[code] })),
          })),
        }
      : null,
  };
}
