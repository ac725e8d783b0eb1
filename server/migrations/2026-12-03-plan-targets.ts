/**
 * Seeds the plan's targets for 2021–2025 (SPEC §8; ledger/plan-targets.ts)
 * into `report_targets`, each with its first history entry (by null: the
 * plan). Only missing targets are added, so an admin's edit is never
 * overwritten and running it twice adds nothing.
 */
import type { Db } from 'mongodb';
import type { Migration } from '../core/db/migrations.js';
import { planTargetRows } from '../modules/ledger/plan-targets.js';

export const planTargets: Migration = {
  id: '2026-12-03-plan-targets',
  async up(db: Db) {
    const at = new Date();
    const targets = db.collection('report_targets');
    for (const row of planTargetRows()) {
      await targets.updateOne(
        { year: row.year, kpi: row.kpi },
        { $setOnInsert: { ...row, history: [{ value: row.value, previous: null, at, by: null, note: 'Kế hoạch 135/KH-UBND (2021–2025)' }], createdAt: at, updatedAt: at } },
        { upsert: true },
      );
    }
  },
};
