/**
 * The candidate index's bookkeeping: free times are worked out again only
 * when a mentor's availability changed, and every change bumps the version
 * that scoring's orders are rebuilt from.
 */
import { expect } from 'chai';
import { CandidateIndex, type MentorFeatures } from '../../../server/modules/matching/candidate-index.js';

const NOW = new Date('2026-06-15T01:00:00Z'); // a Monday, 08:00 in Can Tho
const weekly = (weekday: number) => [{ weekday, start: '08:00', end: '17:00' }];

function mentor(overrides: Partial<MentorFeatures> = {}): MentorFeatures {
  return {
    id: '6a0000000000000000000001',
    userId: '6b0000000000000000000001',
    name: 'Nguyễn Văn A',
    status: 'active',
    sectors: ['agriculture'],
    stages: ['idea'],
    expertise: ['finance'],
    languages: ['vi'],
    mode: 'both',
    city: 'Cần Thơ',
    conflicts: { startupIds: [], enterpriseCodes: [] },
    maxActiveMentees: 3,
    activeMentees: 0,
    rating: null,
    medianResponseHours: null,
    responseDays: 5,
    availability: { weekly: weekly(3), blockedDates: [], timezone: 'Asia/Ho_Chi_Minh', sessionMinutes: 60, minNoticeHours: 24 },
    updatedAt: NOW,
    ...overrides,
  };
}

describe('matching: the candidate index', () => {
  it('a mentor upserted again with the same availability keeps their free time as of the last refresh; a new availability is dated at once', () => {
    const index = new CandidateIndex();
    index.upsert(mentor(), NOW);
    const wednesday = index.freeInDays[0]!;
    expect(wednesday).to.be.within(1, 3);

    // Same availability, read on Thursday with other fields changed: the free time stays (until the periodic refresh), the rest follows.
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    index.upsert(mentor({ activeMentees: 2, rating: 4 }), later);
    expect(index.freeInDays[0]).to.equal(wednesday);
    expect(index.activeMentees[0]).to.equal(2);
    expect(index.mentorOnly[1]).to.be.closeTo(1 / 3, 1e-9); // loadBalance
    expect(index.mentorOnly[2]).to.equal(0.75); // rating

    // Another weekday: worked out again.
    index.upsert(mentor({ availability: { ...mentor().availability, weekly: weekly(5) } }), NOW);
    expect(index.freeInDays[0]).to.be.above(wednesday);
    // No free time at all: out of the horizon, and no longer open.
    index.upsert(mentor({ availability: { ...mentor().availability, weekly: [] } }), NOW);
    expect(index.freeInDays[0]).to.equal(Number.POSITIVE_INFINITY);
    expect(index.open[0]).to.equal(0);
  });

  it('the version moves with every change ranking reads (so its orders are rebuilt), and only then', () => {
    const index = new CandidateIndex();
    const versions = [index.version];
    const expectMoved = (moved: boolean) => {
      expect(index.version !== versions.at(-1), `version ${moved ? 'moved' : 'kept'}`).to.equal(moved);
      versions.push(index.version);
    };
    index.upsert(mentor(), NOW);
    expectMoved(true);
    index.upsert(mentor({ updatedAt: new Date(NOW.getTime() + 1000), name: 'Nguyễn Văn B' }), NOW); // a poll re-reading: nothing ranked changed
    expectMoved(false);
    index.upsert(mentor({ activeMentees: 1 }), NOW);
    expectMoved(true);
    index.upsert(mentor({ activeMentees: 1, sectors: ['tourism'] }), NOW);
    expectMoved(true);
    index.refreshFreeTime(NOW);
    expectMoved(false);
    index.refreshFreeTime(new Date(NOW.getTime() + 3 * 86_400_000));
    expectMoved(true);
    index.remove(mentor().id);
    expectMoved(true);
    index.remove(mentor().id);
    expectMoved(false);
  });
});
