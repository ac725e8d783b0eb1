import { IsObject } from 'class-validator';
import type { RouteSpec } from '../../core/http/route.js';
import { defineRoute } from '../../core/http/route.js';
import { GROWTH_BASES, SECTORS, STAGES, TOPICS } from '../../core/taxonomy/taxonomy.js';

export class TaxonomiesView {
  @IsObject() sectors!: Record<string, { vi: string; en: string }>;
  @IsObject() topics!: Record<string, { vi: string; en: string }>;
  @IsObject() stages!: Record<string, { vi: string; en: string }>;
  @IsObject() growthBases!: Record<string, { vi: string; en: string }>;
}

/** The codes and their bilingual labels (public: sign-up forms need them). */
export function taxonomiesRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/taxonomies',
      summary: 'Sectors, topics, stages and growth bases with Vietnamese and English labels',
      tags: ['taxonomies'],
      usesDatabase: false,
      responses: { 200: { description: 'The taxonomies', schema: TaxonomiesView } },
      handler: () => ({ body: { sectors: SECTORS, topics: TOPICS, stages: STAGES, growthBases: GROWTH_BASES }, headers: { 'Cache-Control': 'public, max-age=3600' } }),
    }),
  ];
}
