/**
 * Establishments as a table: name (linked to its page, a badge when the site came as signed
 * aggregates), FINESS, region, department, legal status, machines per modality and exams.
 */
import type { ReactNode } from 'react';
import type { EstablishmentListing } from '../../core/views/types.ts';
import { formatInteger } from '../../i18n/format.ts';
import { legalStatusLabel } from '../../i18n/labels.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import type { Column } from './data-table.tsx';
import { DataTable } from './data-table.tsx';
import { EstablishmentLink } from './entity-links.tsx';
import { BundleBadge } from './bundle-badge.tsx';

/** The establishments table. */
export function EstablishmentsTable({
  name,
  title,
  campaignId,
  rows,
  empty,
  limit = 50,
}: {
  name: string;
  title: string;
  campaignId: string;
  rows: readonly EstablishmentListing[];
  empty?: string;
  /** Rows shown before "show all". */
  limit?: number;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const columns: Column<EstablishmentListing>[] = [
    {
      key: 'name',
      label: t('col.name'),
      kind: 'text',
      value: (e) => e.name,
      render: (e) => (
        <>
          <EstablishmentLink campaignId={campaignId} finess={e.finess} name={e.name} />
          <BundleBadge row={e} />
        </>
      ),
    },
    { key: 'finess', label: t('col.finess'), kind: 'text', value: (e) => e.finess },
    { key: 'region', label: t('col.region'), kind: 'text', value: (e) => e.region },
    { key: 'department', label: t('col.department'), kind: 'text', value: (e) => e.department },
    {
      key: 'legalStatus',
      label: t('col.legalStatus'),
      kind: 'text',
      value: (e) => legalStatusLabel(e.legalStatus, lang),
    },
    { key: 'ct', label: t('col.ct'), kind: 'number', value: (e) => e.machines.CT ?? 0 },
    { key: 'mr', label: t('col.mr'), kind: 'number', value: (e) => e.machines.MR ?? 0 },
    {
      key: 'exams',
      label: t('col.exams'),
      kind: 'number',
      value: (e) => e.exams,
      render: (e) => formatInteger(e.exams, lang),
    },
  ];
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={rows}
      rowKey={(e) => e.finess}
      limit={limit}
      {...(empty ? { empty } : {})}
    />
  );
}
