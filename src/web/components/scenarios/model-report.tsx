/**
 * What the API computes with a machine's model, shown beside the scenarios: the predicted slot
 * lengths per act family with the held-out week's judgement (planning.md §3, duration
 * prediction), and the third next available appointment when the campaign has slots.
 */
import type { ReactNode } from 'react';
import type { DurationModelReport, NextAvailable } from '../../../plan/simulation/types.ts';
import {
  formatDate,
  formatDays,
  formatInteger,
  formatMinutes,
  formatPercent,
} from '../../../i18n/format.ts';
import { isMessageKey } from '../../../i18n/translate.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card } from '../card.tsx';
import { DataTable } from '../data-table.tsx';
import type { PoolMachine } from './scenario-form.tsx';

type SlotRow = DurationModelReport['slots'][number];

/** The predicted slot lengths of the pool's machines and the held-out judgement. */
export function DurationsCard({
  report,
  machines,
}: {
  report: DurationModelReport | null;
  machines: readonly PoolMachine[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const title = t('scenarios.web.durations.title');
  if (!report)
    return (
      <Card title={title} note={t('scenarios.web.durations.note')} id="durations" level={2}>
        <p className="muted">{t('scenarios.web.durations.unavailable')}</p>
      </Card>
    );
  const ids = new Set(machines.map((m) => m.equipmentId));
  const labelOf = new Map(machines.map((m) => [m.equipmentId, m.label]));
  const slots = report.slots.filter((s) => ids.has(s.equipmentId));
  const h = report.heldOut;
  const familyLabel = (family: string): string => {
    const key = `scenarios.web.family.${family}`;
    return isMessageKey(key) ? t(key) : family;
  };
  return (
    <Card title={title} note={t('scenarios.web.durations.note')} id="durations" level={2}>
      <div data-testid="scenario-durations">
        <p className="small">
          {/* The method is worded by the duration model, in English. */}
          {t('scenarios.web.durations.methodLabel')} <span lang="en">{report.method}</span>
        </p>
        <p className="small">
          {t('scenarios.web.durations.heldOut', {
            from: formatDate(h.from, lang, 'short'),
            to: formatDate(h.to, lang, 'short'),
            exams: h.exams,
            model: formatMinutes(h.modelMaeMinutes, lang),
            bookedExams: formatInteger(h.bookedExams, lang),
            modelOnBooked: formatMinutes(h.modelMaeOnBookedMinutes, lang),
            booked: formatMinutes(h.bookedMaeMinutes, lang),
            coverage: formatPercent(h.p80Coverage, lang),
          })}{' '}
          <strong>
            {t(
              h.better === 'model'
                ? 'scenarios.web.durations.better.model'
                : h.better === 'booked'
                  ? 'scenarios.web.durations.better.booked'
                  : 'scenarios.web.durations.better.none',
            )}
          </strong>
        </p>
        <DataTable<SlotRow>
          name="scenario-durations"
          title={title}
          rows={slots}
          rowKey={(r) => `${r.equipmentId}/${r.family}`}
          empty={t('scenarios.web.durations.none')}
          columns={[
            ...(machines.length > 1
              ? [
                  {
                    key: 'machine',
                    label: t('col.machine'),
                    kind: 'text' as const,
                    value: (r: SlotRow) => labelOf.get(r.equipmentId) ?? r.equipmentId,
                  },
                ]
              : []),
            {
              key: 'family',
              label: t('scenarios.web.col.family'),
              kind: 'text',
              value: (r) => familyLabel(r.family),
            },
            {
              key: 'minutes',
              label: t('scenarios.web.col.slot'),
              kind: 'number',
              value: (r) => r.minutes,
              render: (r) => formatMinutes(r.minutes, lang),
            },
            { key: 'exams', label: t('col.exams'), kind: 'number', value: (r) => r.exams },
            {
              key: 'level',
              label: t('scenarios.web.col.level'),
              kind: 'text',
              value: (r) => r.level,
            },
          ]}
        />
      </div>
    </Card>
  );
}

/** The third next available appointment of each machine, or why it is not computed. */
export function NextAvailableCard({
  values,
  machines,
}: {
  values: readonly NextAvailable[] | null;
  machines: readonly PoolMachine[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const byId = new Map((values ?? []).map((v) => [v.equipmentId, v]));
  return (
    <Card
      title={t('scenarios.web.next.title')}
      note={t('scenarios.web.next.note')}
      id="next-available"
      level={2}
    >
      <ul className="lead-list" data-testid="scenario-next-available">
        {machines.map((m) => {
          const v = byId.get(m.equipmentId);
          return (
            <li key={m.equipmentId}>
              {v && v.medianDays !== null
                ? t('scenarios.web.next.value', {
                    machine: m.label,
                    days: formatDays(v.medianDays, lang),
                    n: v.days,
                    minutes: formatMinutes(v.slotMinutes, lang),
                  })
                : t('scenarios.web.next.noSlots', { machine: m.label })}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
