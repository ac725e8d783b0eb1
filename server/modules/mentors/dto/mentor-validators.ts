/** class-validator decorators for mentor profiles: times of day, weekly rules. */
import type { ValidationOptions } from 'class-validator';
import { defineRule, defineValidator as decorator } from '../../../core/http/validation.js';
import { END_TIME_PATTERN, isEndTime, isStartTime, minutesOfDay, overlappingRules, START_TIME_PATTERN, WEEKDAY_NAMES, type WeeklyRule } from '../availability.js';

/** `HH:mm` from 00:00 to 23:59. */
export const IsStartTime = (options?: ValidationOptions) =>
  decorator('isStartTime', (value) => isStartTime(value), (args) => `${args.property} must be a time HH:mm between 00:00 and 23:59`, options, {
    type: 'string',
    pattern: START_TIME_PATTERN,
  });

/** `HH:mm` from 00:00 to 24:00 (the end of the day). */
export const IsEndTime = (options?: ValidationOptions) =>
  decorator('isEndTime', (value) => isEndTime(value), (args) => `${args.property} must be a time HH:mm between 00:00 and 24:00`, options, {
    type: 'string',
    pattern: END_TIME_PATTERN,
  });

/** Later than the sibling `start` (checked only when both are well-formed times; their own checks report the rest). */
export const IsAfterStart = (options?: ValidationOptions) =>
  defineRule(
    'isAfterStart',
    (value, args) => {
      const start = (args.object as { start?: unknown }).start;
      return !isStartTime(start) || !isEndTime(value) || minutesOfDay(value) > minutesOfDay(start);
    },
    (args) => `${args.property} must be later than start (${String((args.object as { start?: unknown }).start)})`,
    options,
  );

const overlapsOf = (value: unknown) => (Array.isArray(value) ? overlappingRules(value.filter((rule) => typeof rule === 'object' && rule !== null)) : []);

/** No two weekly rules of the same weekday overlap (touching is fine). The message names each overlapping pair. */
export const HasNoOverlappingRules = (options?: ValidationOptions) =>
  defineRule(
    'noOverlappingRules',
    (value) => overlapsOf(value).length === 0,
    (args) => {
      const rules = args.value as WeeklyRule[];
      const pairs = overlapsOf(rules).map(([a, b]) => `rules ${a} and ${b} overlap on ${WEEKDAY_NAMES[rules[a]!.weekday - 1]}`);
      return `${args.property}: ${pairs.join('; ')}`;
    },
    options,
  );
