/** label_thresholds: the per-label thresholds admins set on the settings page. */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { Label } from '../classify/types';

export interface StoredThreshold {
  label: Label;
  threshold: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export async function listStoredThresholds(db: Kysely<Schema>): Promise<StoredThreshold[]> {
  return db
    .selectFrom('label_thresholds')
    .leftJoin('users', 'users.id', 'label_thresholds.updated_by')
    .select([
      'label_thresholds.label',
      'label_thresholds.threshold',
      'users.name as updatedBy',
      'label_thresholds.updated_at as updatedAt'
    ])
    .execute();
}

/** Label → threshold, for building a classifier. */
export async function storedThresholdValues(
  db: Kysely<Schema>
): Promise<Partial<Record<Label, number>>> {
  const rows = await db.selectFrom('label_thresholds').select(['label', 'threshold']).execute();
  return Object.fromEntries(rows.map((row) => [row.label, row.threshold]));
}

export async function upsertThreshold(
  db: Kysely<Schema>,
  change: { label: Label; threshold: number; userId: number | null }
): Promise<void> {
  await db
    .insertInto('label_thresholds')
    .values({ label: change.label, threshold: change.threshold, updated_by: change.userId })
    .onConflict((conflict) =>
      conflict.column('label').doUpdateSet({
        threshold: change.threshold,
        updated_by: change.userId,
        updated_at: new Date()
      })
    )
    .execute();
}

export async function deleteThreshold(db: Kysely<Schema>, label: Label): Promise<boolean> {
  const result = await db
    .deleteFrom('label_thresholds')
    .where('label', '=', label)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
