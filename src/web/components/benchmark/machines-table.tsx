/**
 * The machines of a selection with their main figures, each linked to its page and its
 * establishment's.
 */
import type { ReactNode } from 'react';
import type { MachinePoint } from '../../../core/views/types.ts';
import {
  formatHoursPerWeek,
  formatIcrPerHour,
  formatInteger,
  formatPerWeek,
  formatPercent,
} from '../../../i18n/format.ts';
import {
  figureLabel,
  legalStatusLabel,
  nightLevelLabel,
  typologyLabel,
} from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import type { Column } from '../data-table.tsx';
import { DataTable } from '../data-table.tsx';
import { EstablishmentLink, MachineLink } from '../entity-links.tsx';

/** The machines table. */
export function MachinesTable({
  name,
  title,
  campaignId,
  machines,
}: {
  name: string;
  title: string;
  campaignId: string;
  machines: readonly MachinePoint[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const f = (m: MachinePoint, key: string): number | null => m.figures[key] ?? null;
  const columns: Column<MachinePoint>[] = [
    {
      key: 'machine',
      label: t('col.machine'),
      kind: 'text',
      value: (m) => m.label ?? m.equipmentId,
      render: (m) => (
        <MachineLink campaignId={campaignId} equipmentId={m.equipmentId} label={m.label} />
      ),
    },
    {
      key: 'equipmentId',
      label: t('col.equipmentId'),
      kind: 'text',
      value: (m) => m.equipmentId,
      exportOnly: true,
    },
    {
      key: 'establishment',
      label: t('col.establishment'),
      kind: 'text',
      value: (m) => m.establishment,
      render: (m) => (
        <EstablishmentLink campaignId={campaignId} finess={m.finess} name={m.establishment} />
      ),
    },
    {
      key: 'finess',
      label: t('col.finess'),
      kind: 'text',
      value: (m) => m.finess,
      exportOnly: true,
    },
    { key: 'region', label: t('col.region'), kind: 'text', value: (m) => m.region },
    {
      key: 'legalStatus',
      label: t('col.legalStatus'),
      kind: 'text',
      value: (m) => legalStatusLabel(m.legalStatus, lang),
    },
    {
      key: 'typology',
      label: t('col.typology'),
      kind: 'text',
      value: (m) => typologyLabel(m.typology, lang),
    },
    {
      key: 'exams',
      label: t('col.exams'),
      kind: 'number',
      value: (m) => m.exams,
      render: (m) => formatInteger(m.exams, lang),
    },
    {
      key: 'programmedOpening',
      label: figureLabel('programmedOpening', lang),
      kind: 'number',
      value: (m) => f(m, 'programmedOpening'),
      render: (m) => formatHoursPerWeek(f(m, 'programmedOpening'), lang),
    },
    {
      key: 'occupancyProgrammed',
      label: figureLabel('occupancyProgrammed', lang),
      kind: 'percent',
      value: (m) => f(m, 'occupancyProgrammed'),
      render: (m) => formatPercent(f(m, 'occupancyProgrammed'), lang),
    },
    {
      key: 'icrPerHour',
      label: figureLabel('icrPerHour', lang),
      kind: 'number',
      value: (m) => f(m, 'icrPerHour'),
      render: (m) => formatIcrPerHour(f(m, 'icrPerHour'), lang),
    },
    {
      key: 'passagesPerWeek',
      label: figureLabel('passagesPerWeek', lang),
      kind: 'number',
      value: (m) => f(m, 'passagesPerWeek'),
      render: (m) => formatPerWeek(f(m, 'passagesPerWeek'), lang),
    },
    {
      key: 'emergencyShare',
      label: figureLabel('emergencyShare', lang),
      kind: 'percent',
      value: (m) => f(m, 'emergencyShare'),
    },
    {
      key: 'night',
      label: t('col.nightLevel'),
      kind: 'text',
      value: (m) => nightLevelLabel(m.nightLevel, lang),
    },
    {
      key: 'onCall',
      label: t('col.onCall'),
      kind: 'text',
      value: (m) => t(m.significantOnCall ? 'common.yes' : 'common.no'),
    },
    {
      key: 'included',
      label: t('col.included'),
      kind: 'text',
      value: (m) => t(m.occupancyIncluded ? 'common.yes' : 'common.no'),
    },
  ];
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={machines}
      rowKey={(m) => m.equipmentId}
      limit={25}
    />
  );
}
