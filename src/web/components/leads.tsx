/**
 * A machine's improvement leads ("pistes d'amélioration"): late starts, early ends, gaps
 * between exams and overruns of booked time — n, median, P80 and hours per week — as a table
 * and in plain sentences.
 */
import type { ReactNode } from 'react';
import type { Lead, Leads } from '../../core/indicators/types.ts';
import { formatHours, formatInteger, formatMinutes } from '../../i18n/format.ts';
import { leadLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import type { Column } from './data-table.tsx';
import { DataTable } from './data-table.tsx';

const LEADS: readonly (keyof Leads)[] = [
  'lateStartMinutes',
  'earlyEndMinutes',
  'turnoverGapMinutes',
  'overrunMinutes',
];

interface Row {
  key: keyof Leads;
  lead: Lead | null;
}

/** The leads table, and one sentence per lead saying what it means for this machine. */
export function LeadsSummary({
  name,
  title,
  leads,
  explain = false,
}: {
  name: string;
  title: string;
  leads: Leads;
  explain?: boolean;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const rows: Row[] = LEADS.map((key) => ({ key, lead: leads[key] }));
  if (rows.every((r) => r.lead === null)) return <p className="muted">{t('leads.none')}</p>;
  const columns: Column<Row>[] = [
    { key: 'lead', label: t('col.lead'), kind: 'text', value: (r) => leadLabel(r.key, lang) },
    {
      key: 'n',
      label: t('col.n'),
      kind: 'number',
      value: (r) => r.lead?.n ?? null,
      render: (r) => formatInteger(r.lead?.n ?? null, lang),
    },
    {
      key: 'p50',
      label: t('col.p50'),
      kind: 'number',
      value: (r) => r.lead?.p50 ?? null,
      render: (r) => formatMinutes(r.lead?.p50 ?? null, lang),
    },
    {
      key: 'p80',
      label: t('col.p80'),
      kind: 'number',
      value: (r) => r.lead?.p80 ?? null,
      render: (r) => formatMinutes(r.lead?.p80 ?? null, lang),
    },
    {
      key: 'hours',
      label: t('col.hoursPerWeek'),
      kind: 'number',
      value: (r) => r.lead?.hoursPerWeek ?? null,
    },
  ];
  return (
    <div className="leads">
      <DataTable name={name} title={title} columns={columns} rows={rows} rowKey={(r) => r.key} />
      {explain && (
        <ul className="lead-list">
          {rows.map((r) => (
            <li key={r.key}>
              <strong>{leadLabel(r.key, lang)}</strong>
              {lang === 'fr' ? '\u202f: ' : ': '}
              {r.lead
                ? t(`lead.${r.key}.explain` as MessageKey, {
                    n: r.lead.n,
                    p50: formatMinutes(r.lead.p50, lang),
                    p80: formatMinutes(r.lead.p80, lang),
                    hours: formatHours(r.lead.hoursPerWeek, lang),
                  })
                : t('lead.missing')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
