// An audit row's detail, read back. The column stays text: its SHA-256 (detail_hash) and the chain's hash
// are over the exact bytes appendAudit wrote, so it is never re-serialised. This is the one reader: callers
// narrow the fields they need from the object.
import { isJsonObject, parseStoredJson } from '../../../db/json.ts';

/** The object an audit detail was written from; {} for a redacted row ('') or a detail that is not an object. */
export function auditDetailOf(detail: string): Record<string, unknown> {
  if (detail === '') return {};
  const d = parseStoredJson(detail, 'audit_log.detail');
  return isJsonObject(d) ? d : {};
}
