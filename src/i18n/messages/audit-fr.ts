/**
 * Messages of `plateau audit` (the audit log, issue 15), French reference: fr.ts spreads it;
 * audit-en.ts has the same keys.
 */
export const auditMessagesFr = {
  'cli.audit.col.time': 'Heure (UTC)',
  'cli.audit.col.who': 'Qui',
  'cli.audit.col.action': 'Action',
  'cli.audit.col.target': 'Objet',
  'cli.audit.col.outcome': 'Issue',
  'cli.audit.outcome.success': 'réussi',
  'cli.audit.outcome.failure': 'échoué',
  'cli.audit.outcome.denied': 'refusé',
  'cli.audit.nobody': 'anonyme',
  'cli.audit.empty': 'Le journal d’audit de {place} est vide.',
  'cli.audit.usage.since':
    '--since prend une date AAAA-MM-JJ ou un instant ISO 8601 (2026-12-06T09:30:00Z), pas « {value} »',
} satisfies Record<string, string>;
