import { expect } from 'chai';
import { buildSearchText, foldText, searchFilter } from '../../server/core/text/search-text.js';

describe('search text folding', () => {
  it('folds Vietnamese diacritics, đ and case', () => {
    expect(foldText('Nông nghiệp Cần Thơ')).to.equal('nong nghiep can tho');
    expect(foldText('ĐẶNG Thị Ðào')).to.equal('dang thi dao');
    expect(foldText('  Cờ   Đỏ ')).to.equal('co do');
  });

  it('matches a folded phrase, not scattered words', () => {
    const text = buildSearchText(['Thanh toán số cho nông hộ', 'doanh nghiệp nhỏ']);
    const matches = (q: string) => new RegExp((searchFilter(q) as { searchText: { $regex: string } }).searchText.$regex).test(text);
    expect(matches('nong ho')).to.equal(true);
    expect(matches('NÔNG HỘ')).to.equal(true);
    expect(matches('nong nghiep')).to.equal(false);
  });

  it('escapes regex characters and ignores a blank query', () => {
    expect(searchFilter('a.b(c)')).to.deep.equal({ searchText: { $regex: 'a\\.b\\(c\\)' } });
    expect(searchFilter('   ')).to.deep.equal({});
  });
});
