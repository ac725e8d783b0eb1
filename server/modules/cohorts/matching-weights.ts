/**
 * The weights a cohort gives each matching criterion (SPEC §4), 0–10 each.
 * The defaults favour sector and topic fit, then stage fit.
 */
export const DEFAULT_WEIGHTS = {
  sectorFit: 3,
  stageFit: 2,
  topicOverlap: 3,
  availabilitySoon: 1,
  loadBalance: 1,
  rating: 1,
  responsiveness: 1,
} as const;

export type WeightName = keyof typeof DEFAULT_WEIGHTS;
export type MatchingWeights = Record<WeightName, number>;

export const WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS) as WeightName[];
export const MAX_WEIGHT = 10;

/** The defaults with the given weights laid over them (missing or null ones keep their default). */
export function withDefaultWeights(given: Partial<Record<WeightName, number | null>> | undefined): MatchingWeights {
  const weights: MatchingWeights = { ...DEFAULT_WEIGHTS };
  for (const name of WEIGHT_NAMES) {
    const value = given?.[name];
    if (typeof value === 'number') weights[name] = value;
  }
  return weights;
}
