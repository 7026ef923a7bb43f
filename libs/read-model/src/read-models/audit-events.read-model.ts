import { AUDITED_EVENT_TYPES, auditEntryOf, type AuditEntry } from '#audit';
import type { ReadModel } from '../read-model.js';

/**
 * The audit log across connectors: one entry per event, under its global position, never changed
 * afterwards. Its summary is written with the entry, from the event alone.
 */
export const auditEventsReadModel: ReadModel<AuditEntry> = {
  name: 'audit_events',
  version: 1,
  handles: AUDITED_EVENT_TYPES,
  appendOnly: true,
  documentId: (event) => String(event.position),
  evolve: (_, event) => auditEntryOf(event),
};
