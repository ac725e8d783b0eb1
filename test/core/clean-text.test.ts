/** The OpenAPI pattern of stored text accepts exactly what the server's check accepts. */
import { expect } from 'chai';
import fc from 'fast-check';
import { textPattern, textProblem, type TextRules } from '../../server/core/text/clean-text.js';

const ALPHABET = ['a', 'Ệ', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u000b', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u3000', '😀', '.'];

describe('stored text: the document’s pattern and the check agree', () => {
  for (const rules of [{}, { required: true }, { multiline: true }, { multiline: true, required: true }] as TextRules[]) {
    it(`pattern ≡ check for ${JSON.stringify(rules)}`, () => {
      const pattern = new RegExp(textPattern(rules), 'u');
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }), (chars) => {
          const value = chars.join('');
          expect(pattern.test(value), JSON.stringify(value)).to.equal(textProblem(value, rules) === undefined);
        }),
        { numRuns: 3000 },
      );
    });
  }
});
