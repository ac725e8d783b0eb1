/**
 * Why a mentor ranks where they do, in words (Vietnamese and English): the
 * three criteria that contributed most, each as a short phrase with the
 * facts behind it ("cùng lĩnh vực Nông nghiệp; có chuyên môn Tiếp thị").
 * Also the words for each exclusion reason.
 */
import { SECTOR_CODES, SECTORS, STAGE_CODES, STAGES, TOPIC_CODES, TOPICS, type Label } from '../../core/taxonomy/taxonomy.js';
import { codesOf, type CandidateIndex } from './candidate-index.js';
import { CRITERIA, type CriterionValues, type ExclusionReason, type MatchQuery } from './scoring.js';

const labels = (table: Record<string, Label>, codes: string[], lang: keyof Label) => codes.slice(0, 3).map((c) => table[c]![lang]).join(', ');
const viNumber = (n: number) => n.toFixed(1).replace('.', ',');

type Phrase = (index: CandidateIndex, slot: number, query: MatchQuery) => Label | undefined;

const PHRASES: Record<(typeof CRITERIA)[number], Phrase> = {
  sectorFit(index, slot, query) {
    const shared = codesOf(SECTOR_CODES, index.sectors[slot]! & query.sectors);
    return { vi: `cùng lĩnh vực ${labels(SECTORS, shared, 'vi')}`, en: `works in ${labels(SECTORS, shared, 'en')}` };
  },
  stageFit(index, slot, query) {
    const stage = STAGE_CODES[query.stage]!;
    if (index.stages[slot] === 0) return { vi: 'hỗ trợ mọi giai đoạn', en: 'mentors startups at any stage' };
    return { vi: `hỗ trợ dự án giai đoạn ${STAGES[stage].vi}`, en: `mentors startups at the ${STAGES[stage].en} stage` };
  },
  topicOverlap(index, slot, query) {
    const shared = codesOf(TOPIC_CODES, index.topics[slot]! & query.topics);
    return { vi: `có chuyên môn ${labels(TOPICS, shared, 'vi')}`, en: `knows ${labels(TOPICS, shared, 'en')}` };
  },
  availabilitySoon(index, slot) {
    const days = Math.max(1, Math.ceil(index.freeInDays[slot]!));
    return { vi: `có lịch trống trong ${days} ngày`, en: `free within ${days} day${days === 1 ? '' : 's'}` };
  },
  loadBalance(index, slot) {
    const free = index.maxActiveMentees[slot]! - index.activeMentees[slot]!;
    const all = index.maxActiveMentees[slot]!;
    return { vi: `còn ${free}/${all} chỗ nhận hướng dẫn`, en: `${free} of ${all} mentee places free` };
  },
  rating(index, slot) {
    const rating = index.rating[slot]!;
    if (Number.isNaN(rating)) return undefined;
    return { vi: `được đánh giá ${viNumber(rating)}/5`, en: `rated ${rating.toFixed(1)}/5` };
  },
  responsiveness(index, slot) {
    const hours = index.responseHours[slot]!;
    if (Number.isNaN(hours)) return undefined;
    const rounded = Math.max(1, Math.round(hours));
    return { vi: `thường trả lời trong khoảng ${rounded} giờ`, en: `usually answers within ${rounded} hour${rounded === 1 ? '' : 's'}` };
  },
};

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** One line per language: the phrases of the three largest contributions, largest first. */
export function reasonFor(index: CandidateIndex, slot: number, query: MatchQuery, values: CriterionValues, weights: Float64Array): Label {
  const order = CRITERIA.map((_, i) => i)
    .filter((i) => values[i]! > 0 && weights[i]! > 0)
    .sort((a, b) => weights[b]! * values[b]! - weights[a]! * values[a]! || a - b);
  const phrases: Label[] = [];
  for (const i of order) {
    const phrase = PHRASES[CRITERIA[i]!](index, slot, query);
    if (phrase) phrases.push(phrase);
    if (phrases.length === 3) break;
  }
  if (phrases.length === 0) return { vi: 'Chưa có điểm phù hợp nổi bật.', en: 'No particular fit yet.' };
  return {
    vi: `${capitalize(phrases.map((p) => p.vi).join('; '))}.`,
    en: `${capitalize(phrases.map((p) => p.en).join('; '))}.`,
  };
}

/** Each exclusion reason in words. */
export const EXCLUSION_LABELS: Record<ExclusionReason, Label> = {
  inactive: { vi: 'Cố vấn chưa được duyệt hoặc đang tạm nghỉ', en: 'Not active (pending approval or paused)' },
  at_capacity: { vi: 'Đã nhận đủ số dự án hướng dẫn', en: 'At capacity: every mentee place is taken' },
  conflict_of_interest: { vi: 'Có xung đột lợi ích với dự án này', en: 'Conflict of interest with this startup' },
  no_shared_language: { vi: 'Không có ngôn ngữ chung', en: 'No shared language' },
  no_free_time: { vi: 'Không có lịch trống trong 21 ngày tới', en: 'No free time in the next 21 days' },
  mode_location: { vi: 'Hình thức gặp hoặc địa điểm không phù hợp', en: 'Meeting mode or location does not fit' },
  already_requested: { vi: 'Dự án đã gửi yêu cầu đến cố vấn này', en: 'A request to this mentor is already open' },
  already_mentoring: { vi: 'Cố vấn đang hướng dẫn dự án này', en: 'Already mentoring this startup' },
};
