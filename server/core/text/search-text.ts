/**
 * Search that ignores Vietnamese diacritics and case: "nong nghiep" finds
 * "Nông nghiệp", "can tho" finds "Cần Thơ". Documents keep a folded copy of
 * their searchable text (`searchText`); queries are folded the same way and
 * must appear as a phrase (words matched one by one would let "nong nghiep"
 * find "nông hộ … doanh nghiệp"). Needs no text index or collation, so it
 * works on every engine.
 */

/** Lower case, no diacritics (đ → d), single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // đ/Đ have no decomposition; the Icelandic ð/Ð look the same and get typed for them.
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds and joins the searchable parts of a record into one string. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined | readonly string[]>): string {
  return foldText(parts.flat().filter(Boolean).join(' '));
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A filter on `searchText` requiring the folded phrase `q`; empty object for a blank query. */
export function searchFilter(q: string | undefined): Record<string, unknown> {
  const phrase = foldText(q ?? '');
  return phrase ? { searchText: { $regex: escapeRegex(phrase) } } : {};
}
