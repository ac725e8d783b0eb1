/**
 * Search that ignores Vietnamese diacritics and case: "nong nghiep" finds
 * "Nông nghiệp", "can tho" finds "Cần Thơ". Documents keep a folded copy of
 * their searchable text (`searchText`); queries are folded the same way and
 * every word must appear. Works on MongoDB and FerretDB alike (no text
 * index or collation needed).
 */

/** Lower case, no diacritics (đ → d), single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds and joins the searchable parts of a record into one string. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined | readonly string[]>): string {
  return foldText(parts.flat().filter(Boolean).join(' '));
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A filter on `searchText` requiring every word of `q`; empty object for a blank query. */
export function searchFilter(q: string | undefined): Record<string, unknown> {
  const words = foldText(q ?? '').split(' ').filter(Boolean).slice(0, 8);
  if (words.length === 0) return {};
  return { $and: words.map((word) => ({ searchText: { $regex: escapeRegex(word) } })) };
}
