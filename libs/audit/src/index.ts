export { AsOfTime } from './as-of-time.js';
export { summarizeChange } from './change-summary.js';
export { appConnectorView, connectorFields } from './connector-view.js';
export {
  connectorAsOf,
  ConnectorHistory,
  statesBefore,
  toAuditEvent,
  type AsOf,
  type AuditEvent,
  type ConnectorAsOf,
} from './connector-history.js';
export { auditEntryOf, matchesAuditFilter, type AuditEntry, type AuditFilter } from './audit-entry.js';
export { AUDITED_EVENT_TYPES, summarizeEvent, type AnyDomainEvent } from './event-summary.js';
