/**
 * The one way tests check an error answer: an RFC 9457 problem with every
 * member Runway promises (decision 002), the right status and code, and
 * nothing internal (no stack frames). Extensions such as `eligibleUntil`
 * may sit beside the members.
 */
import { expect } from 'chai';
import type { TestResponse } from './runway.js';

const MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'traceId'] as const;

/** Asserts a problem+json answer with this status and code. */
export function expectProblem(response: TestResponse, status: number, code: string): void {
  expect(response.status, response.text).to.equal(status);
  expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
  expect(response.body).to.include.all.keys(...MEMBERS);
  expect(response.body).to.include({ status, code, type: `urn:runway:problem:${code}` });
  expect(response.body.detail).to.be.a('string').and.not.equal('');
  expect(response.body.errors).to.be.an('array');
  expect(response.text).not.to.match(/at .*\.(ts|js):\d+/); // no stack frames
}

/** The fields named by a problem's `errors[]`. */
export const errorFields = (response: TestResponse): string[] => (response.body.errors as Array<{ field: string }>).map((e) => e.field);

/** Asserts a 422 rule_violated (well-formed input that breaks a rule) naming exactly these fields. */
export function expectRuleViolated(response: TestResponse, fields: string[]): void {
  expectProblem(response, 422, 'rule_violated');
  expect(errorFields(response)).to.have.members(fields);
}

/** Asserts a 400 validation_failed naming exactly these fields. */
export function expectInvalidFields(response: TestResponse, fields: string[]): void {
  expectProblem(response, 400, 'validation_failed');
  expect(errorFields(response)).to.have.members(fields);
}
