import { expect } from 'chai';
import { sameSubject, type MatchSubject } from '../../../server/modules/matching/match-subjects.js';

/** A subject as a fresh read builds it: new arrays, sets and weights each time. */
const read = (overrides: Partial<MatchSubject> = {}): MatchSubject => ({
  startupId: '65a1b2c3d4e5f60718293a4b',
  name: 'Nấm Rơm Ô Môn',
  enterpriseCode: null,
  sectors: ['agriculture'],
  stage: 'prototype',
  needs: ['marketing', 'sales'],
  languages: ['vi'],
  memberIds: ['65a1b2c3d4e5f60718293a4c'],
  managerIds: ['65a1b2c3d4e5f60718293a4d'],
  cohortIds: ['65a1b2c3d4e5f60718293a4e'],
  weights: { sectorFit: 3, stageFit: 2, topicOverlap: 3, availabilitySoon: 1, loadBalance: 1, rating: 1, responsiveness: 1 },
  weightsFrom: '65a1b2c3d4e5f60718293a4e',
  requested: new Set(['a', 'b']),
  mentoring: new Set(),
  ...overrides,
});

describe('matching: sameSubject (a reload that changed nothing keeps the served subject)', () => {
  it('two reads of the same startup are the same subject, sets compared as sets', () => {
    expect(sameSubject(read(), read({ requested: new Set(['b', 'a']) }))).to.equal(true);
  });

  it('any changed value makes them differ: a need, its order, a member, a weight, a request, the cohort', () => {
    const changes: Array<Partial<MatchSubject>> = [
      { needs: ['marketing'] },
      { needs: ['sales', 'marketing'] },
      { memberIds: [] },
      { weights: { ...read().weights, rating: 2 } },
      { requested: new Set(['a']) },
      { mentoring: new Set(['c']) },
      { weightsFrom: null },
      { name: 'Nấm Rơm Phong Điền' },
      { enterpriseCode: '1801234567' },
    ];
    for (const change of changes) expect(sameSubject(read(), read(change)), JSON.stringify(change, (_k, v: unknown) => (v instanceof Set ? [...v] : v))).to.equal(false);
  });
});
