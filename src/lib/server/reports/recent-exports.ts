/** The latest exports from the audit trail, as the /reports page lists them. */
import type { Kysely } from 'kysely';
import { listAuditEvents } from '../audit';
import type { Schema } from '../db/schema';
import { EXPORT_ACTION } from './export';

export interface RecentExport {
  id: number;
  /** Null: exported from the CLI. */
  user: string | null;
  at: Date;
  format: string;
  filter: Record<string, string | number>;
  rows: number | null;
  via: string | null;
}

export async function recentExports(db: Kysely<Schema>, limit = 20): Promise<RecentExport[]> {
  const events = await listAuditEvents(db, { action: EXPORT_ACTION, limit });
  return events.map((event) => {
    const detail = event.detail as {
      format?: string;
      filter?: Record<string, string | number>;
      rows?: number;
      via?: string;
    };
    return {
      id: event.id,
      user: event.userName,
      at: event.createdAt,
      format: detail.format ?? '?',
      filter: detail.filter ?? {},
      rows: detail.rows ?? null,
      via: detail.via ?? null
    };
  });
}
