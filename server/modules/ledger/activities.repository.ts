/** The only door to the activities collection. */
import mongoose from 'mongoose';
import { findPage, WITHOUT_SEARCH_TEXT, type Page, type PageRequest } from '../../core/db/pages.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { searchFilter } from '../../core/text/search-text.js';
import { ActivityModel, type ActivityDocument } from './activity.model.js';
import type { ActivityKind } from './activity-kinds.js';

export type ActivityRecord = ActivityDocument;

export interface AttendeeRecord {
  name: string;
  email?: string;
  userId?: mongoose.Types.ObjectId;
  startupId?: mongoose.Types.ObjectId;
  organisation?: string;
}

export interface ActivityFields {
  title: string;
  kind: ActivityKind;
  startsOn: string;
  endsOn: string;
  organisers: string[];
  place: string;
  description: string;
  attendance: AttendeeRecord[];
  searchText: string;
}

export interface ActivityListCriteria {
  kind?: ActivityKind;
  /** Calendar dates: activities starting within [from, to]. */
  from?: string;
  to?: string;
  startupId?: mongoose.Types.ObjectId;
  q?: string;
}

/** What a report reads of an activity: no attendee names. */
export interface ActivityInPeriod {
  _id: mongoose.Types.ObjectId;
  title: string;
  kind: ActivityKind;
  startsOn: string;
  attendance: Array<{ startupId?: mongoose.Types.ObjectId }>;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

export const activitiesRepository = {
  async create(fields: ActivityFields, createdBy: mongoose.Types.ObjectId): Promise<ActivityRecord> {
    const doc = await ActivityModel.create({ ...fields, createdBy });
    const { searchText: _omit, ...record } = doc.toObject() as ActivityRecord & { searchText?: string };
    return record as ActivityRecord;
  },

  /** Many at once (demo and synthetic data). */
  async insertMany(rows: Array<ActivityFields & { createdBy: mongoose.Types.ObjectId }>): Promise<number> {
    if (rows.length === 0) return 0;
    return (await ActivityModel.insertMany(rows)).length;
  },

  /** Undefined for an unknown or malformed id. */
  async findById(id: string): Promise<ActivityRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return ((await ActivityModel.findById(_id).lean()) as ActivityRecord | null) ?? undefined;
  },

  async list(criteria: ActivityListCriteria, page: PageRequest): Promise<Page<ActivityRecord>> {
    const filter: Record<string, unknown> = searchFilter(criteria.q);
    if (criteria.kind) filter.kind = criteria.kind;
    if (criteria.from || criteria.to) filter.startsOn = { ...(criteria.from ? { $gte: criteria.from } : {}), ...(criteria.to ? { $lte: criteria.to } : {}) };
    if (criteria.startupId) filter['attendance.startupId'] = criteria.startupId;
    return findPage<ActivityRecord>(ActivityModel, filter, page, WITHOUT_SEARCH_TEXT);
  },

  /** Writes the fields if the activity is still at the revision the caller read. */
  async update(current: Pick<ActivityRecord, '_id' | 'revision'>, set: Partial<ActivityFields>): Promise<GuardedUpdate<ActivityRecord>> {
    return updateIfMatches<ActivityRecord>(ActivityModel, current._id, { revision: current.revision }, { $set: set, $inc: { revision: 1 } });
  },

  /** True when it was there. */
  async delete(id: mongoose.Types.ObjectId): Promise<boolean> {
    return (await ActivityModel.deleteOne({ _id: id })).deletedCount === 1;
  },

  /** Activities starting within [from, to] (calendar dates), for reports. */
  async startingBetween(from: string, to: string): Promise<ActivityInPeriod[]> {
    return (await ActivityModel.collection
      .find({ startsOn: { $gte: from, $lte: to } }, { projection: { title: 1, kind: 1, startsOn: 1, 'attendance.startupId': 1 } })
      .toArray()) as unknown as ActivityInPeriod[];
  },
};
