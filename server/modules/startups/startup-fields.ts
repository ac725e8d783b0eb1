import { buildSearchText } from '../../core/text/search-text.js';
import { labelsOf, SECTORS, TOPICS } from '../../core/taxonomy/taxonomy.js';
import { eligibleUntilFor } from './eligibility.js';

/** The team's languages when none are given: the programme works in Vietnamese. */
export const DEFAULT_STARTUP_LANGUAGES = ['vi'] as const;
import type { StartupFields } from './startups.repository.js';

type Input = Partial<{
  name: string;
  description: string;
  kind: string;
  enterpriseCode: string | null;
  firstRegisteredOn: string | null;
  growthBasis: string[];
  sectors: string[];
  stage: string;
  needs: string[];
  languages: string[];
  district: string | null;
  website: string | null;
  stEnterprise: { certifiedOn: string; certificateNumber: string; issuer?: string | null } | null;
}>;

/**
 * The stored form of a whole startup: derived fields (eligibleUntil,
 * searchText) are recomputed here and nowhere else.
 */
export function toStoredFields(input: Input): StartupFields {
  const fields = {
    name: input.name!,
    description: input.description ?? '',
    kind: input.kind,
    enterpriseCode: input.enterpriseCode ?? undefined,
    firstRegisteredOn: input.firstRegisteredOn ?? undefined,
    eligibleUntil: input.kind === 'company' && input.firstRegisteredOn ? eligibleUntilFor(input.firstRegisteredOn) : undefined,
    growthBasis: input.growthBasis ?? [],
    sectors: input.sectors ?? [],
    stage: input.stage,
    needs: input.needs ?? [],
    languages: input.languages ?? [...DEFAULT_STARTUP_LANGUAGES],
    district: input.district ?? undefined,
    website: input.website ?? undefined,
    stEnterprise: input.stEnterprise ?? undefined,
    searchText: buildSearchText([
      input.name,
      input.description,
      input.enterpriseCode,
      input.district,
      labelsOf(SECTORS, input.sectors ?? []),
      labelsOf(TOPICS, input.needs ?? []),
    ]),
  };
  return fields as StartupFields;
}
