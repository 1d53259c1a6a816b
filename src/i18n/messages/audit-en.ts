/**
 * Messages of `plateau audit` (the audit log, issue 15), English: en.ts spreads it. French
 * (audit-fr.ts) is the reference; same keys.
 */
import type { auditMessagesFr } from './audit-fr.ts';

export const auditMessagesEn = {
  'cli.audit.col.time': 'Time (UTC)',
  'cli.audit.col.who': 'Who',
  'cli.audit.col.action': 'Action',
  'cli.audit.col.target': 'Target',
  'cli.audit.col.outcome': 'Outcome',
  'cli.audit.outcome.success': 'success',
  'cli.audit.outcome.failure': 'failure',
  'cli.audit.outcome.denied': 'denied',
  'cli.audit.nobody': 'anonymous',
  'cli.audit.empty': 'The audit log of {place} is empty.',
  'cli.audit.usage.since':
    "--since takes a date YYYY-MM-DD or an ISO 8601 instant (2026-12-06T09:30:00Z), not '{value}'",
} satisfies Record<keyof typeof auditMessagesFr, string>;
