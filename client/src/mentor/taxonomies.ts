/** The programme's sectors, topics and stages with their labels, read once per page load. */
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import type { Taxonomies } from './types.ts';

let cached: Promise<Taxonomies> | null = null;

export function loadTaxonomies(): Promise<Taxonomies> {
  cached ??= api.get<Taxonomies>('/api/v1/taxonomies').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The labels, or undefined while loading (screens show codes meanwhile). */
export function useTaxonomies(): Taxonomies | undefined {
  const [value, setValue] = useState<Taxonomies>();
  useEffect(() => {
    let active = true;
    loadTaxonomies().then((t) => active && setValue(t), () => {});
    return () => {
      active = false;
    };
  }, []);
  return value;
}
