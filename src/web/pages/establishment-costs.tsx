/**
 * The establishment's Costs tab (`?tab=costs`): its machines' yearly cost and cost per opening
 * hour, exam and ICR point, their forfait technique tier, and the site's totals, from the
 * campaign's costs document; every column says where it comes from, and an illustrative cost
 * set says so in a banner. Without costs.csv, how to add one.
 */
import type { ReactNode } from 'react';
import { formatInteger, formatNumber, MISSING } from '../../i18n/format.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import { COST_COLUMNS } from '../../plan/costs/types.ts';
import type { CostNullReason } from '../../plan/costs/types.ts';
import type {
  CostsDocument,
  CostsDocumentMachine,
  CostsDocumentSite,
} from '../../plan/costs/document.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { withProvenance } from '../lib/planning.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { MachineLink } from '../components/entity-links.tsx';
import {
  IllustrativeBanner,
  ProvenanceBadge,
  ProvenanceLegend,
} from '../components/planning/provenance.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import '../components/planning/planning.css';

type MoneyKey = 'costPerYear' | 'costPerOpeningHour' | 'costPerExam' | 'costPerIcr';

/** The Costs tab of a site. */
export function EstablishmentCosts({
  campaignId,
  finess,
  siteName,
  labels,
}: {
  campaignId: string;
  finess: string;
  siteName: string;
  /** Machine names by equipment id (the establishment view's). */
  labels: ReadonlyMap<string, string>;
}): ReactNode {
  const t = useT();
  const { state, retry } = useApi<{ costs: CostsDocument | null }>(api.costs(campaignId, finess));
  if (state.status === 'loading') return <Skeleton lines={6} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const doc = state.data.costs;
  if (doc === null)
    return (
      <div data-testid="costs-empty">
        <EmptyState title={t('planning.web.costs.emptyTitle')}>
          <p>{t('planning.web.costs.emptyBody')}</p>
          <p className="code-list">{COST_COLUMNS.map(([column]) => column).join(', ')}</p>
          <p className="muted">{t('planning.web.costs.emptyOrigin')}</p>
        </EmptyState>
      </div>
    );
  return (
    <CostsBody
      campaignId={campaignId}
      doc={doc}
      finess={finess}
      siteName={siteName}
      labels={labels}
    />
  );
}

function CostsBody({
  campaignId,
  doc,
  finess,
  siteName,
  labels,
}: {
  campaignId: string;
  doc: CostsDocument;
  finess: string;
  siteName: string;
  labels: ReadonlyMap<string, string>;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const machines = doc.machines.filter((m) => m.finess === finess);
  const sites = doc.sites.filter((s) => s.finess === finess);
  const o = doc.origin;
  const label = (key: Parameters<typeof t>[0], provenance: Parameters<typeof withProvenance>[1]) =>
    withProvenance(t(key), provenance, lang);
  const reasonText = (r: CostNullReason): string => t(`planning.web.costs.reason.${r}`);
  const money = (key: MoneyKey, digits: number): Column<CostsDocumentMachine> => ({
    key,
    label: label(`planning.web.costs.col.${key}`, o),
    kind: 'number',
    value: (m) => m[key],
    render: (m) => {
      const v = m[key];
      if (v !== null) return formatNumber(v, lang, digits);
      const reason = m.nullReasons[key];
      return <span title={reason ? reasonText(reason) : undefined}>{MISSING}</span>;
    },
  });
  const amortisationText = (m: CostsDocumentMachine): string | null =>
    m.ageUnknown
      ? t('planning.web.costs.ageUnknown')
      : m.amortisationCounted === null
        ? null
        : t(
            m.amortisationCounted
              ? 'planning.web.costs.amortising'
              : 'planning.web.costs.amortised',
          );
  const columns: Column<CostsDocumentMachine>[] = [
    {
      key: 'machine',
      label: t('planning.web.costs.col.machine'),
      kind: 'text',
      value: (m) => labels.get(m.equipmentId) ?? m.equipmentId,
      render: (m) => (
        <MachineLink
          campaignId={campaignId}
          equipmentId={m.equipmentId}
          label={labels.get(m.equipmentId) ?? m.equipmentId}
        />
      ),
    },
    {
      key: 'modality',
      label: t('planning.web.costs.col.modality'),
      kind: 'text',
      value: (m) => modalityLabel(m.modality, lang),
    },
    {
      key: 'exams',
      label: label('planning.web.costs.col.exams', 'measured'),
      kind: 'number',
      value: (m) => m.annualisedExams,
      render: (m) => formatInteger(m.annualisedExams, lang),
    },
    money('costPerYear', 0),
    money('costPerOpeningHour', 2),
    money('costPerExam', 2),
    money('costPerIcr', 2),
    {
      key: 'ftTier',
      label: label('planning.web.costs.col.ftTier', 'reference'),
      kind: 'number',
      value: (m) => m.ftTier,
      render: (m) =>
        m.ftTier === null ? MISSING : t('planning.web.costs.tier', { tier: m.ftTier }),
    },
    {
      key: 'examsToNextTier',
      label: label('planning.web.costs.col.examsToNextTier', 'reference'),
      kind: 'number',
      value: (m) => (m.examsToNextTier === null ? null : Math.ceil(m.examsToNextTier)),
      render: (m) =>
        m.ftTier === 2
          ? t('planning.web.costs.topTier')
          : formatInteger(m.examsToNextTier === null ? null : Math.ceil(m.examsToNextTier), lang),
    },
    {
      key: 'age',
      label: label('planning.web.costs.col.age', 'measured'),
      kind: 'number',
      value: (m) => m.ageYears,
      render: (m) => {
        const amortisation = amortisationText(m);
        return m.ageUnknown || amortisation === null
          ? (amortisation ?? formatInteger(m.ageYears, lang))
          : `${formatInteger(m.ageYears, lang)} · ${amortisation}`;
      },
    },
    {
      key: 'amortisation',
      label: label('planning.web.costs.col.amortisation', o),
      kind: 'text',
      value: amortisationText,
      exportOnly: true,
    },
  ];
  const siteColumns: Column<CostsDocumentSite>[] = [
    { key: 'site', label: t('planning.web.costs.col.site'), kind: 'text', value: () => siteName },
    {
      key: 'machines',
      label: t('planning.web.costs.col.machines'),
      kind: 'number',
      value: (s) => s.machines,
    },
    {
      key: 'exams',
      label: label('planning.web.costs.col.exams', 'measured'),
      kind: 'number',
      value: (s) => s.annualisedExams,
      render: (s) => formatInteger(s.annualisedExams, lang),
    },
    ...(['costPerYear', 'costPerExam', 'costPerIcr'] as const).map(
      (key): Column<CostsDocumentSite> => ({
        key,
        label: label(`planning.web.costs.col.${key}`, o),
        kind: 'number',
        value: (s) => s[key],
        render: (s) => formatNumber(s[key], lang, key === 'costPerYear' ? 0 : 2),
      }),
    ),
  ];
  const reasons = [
    ...new Set(machines.flatMap((m) => Object.values(m.nullReasons) as CostNullReason[])),
  ];
  const without = sites.flatMap((s) => s.machinesWithoutCosts);
  const banner =
    o === 'illustrative' ? (
      <IllustrativeBanner text={t('planning.web.costs.illustrative')} testId="costs-illustrative" />
    ) : (
      <p className="muted" data-testid="costs-input">
        <ProvenanceBadge provenance="input" />{' '}
        {doc.costsFile
          ? t('planning.web.costs.inputFile', { file: doc.costsFile })
          : t('planning.web.costs.input')}
      </p>
    );
  return (
    <div data-testid="costs-tab" data-origin={o}>
      {banner}
      <Card title={t('planning.web.costs.title')} note={t('planning.web.costs.note')} level={2}>
        <div className="planning-table">
          <DataTable
            name="costs-machines"
            title={`${siteName} — ${t('planning.web.costs.title')}`}
            columns={columns}
            rows={machines}
            rowKey={(m) => m.equipmentId}
            empty={t('planning.web.costs.noMachine')}
          />
        </div>
        {reasons.length > 0 && (
          <p className="muted small">
            {t('planning.web.costs.reasons', {
              list: reasons.map(reasonText).join(lang === 'fr' ? ' ; ' : '; '),
            })}
          </p>
        )}
        <p className="muted small">
          {t('planning.web.costs.tiers', { source: doc.forfaitReference.source })}{' '}
          <ProvenanceBadge provenance="reference" />
        </p>
        <ProvenanceLegend />
      </Card>
      <Card
        title={t('planning.web.costs.sites')}
        note={t('planning.web.costs.sitesNote')}
        level={2}
      >
        <div className="planning-table">
          <DataTable
            name="costs-site"
            title={`${siteName} — ${t('planning.web.costs.sites')}`}
            columns={siteColumns}
            rows={sites}
            rowKey={(s) => s.finess}
            empty={t('planning.web.costs.noMachine')}
          />
        </div>
        {without.length > 0 && (
          <p className="muted small">
            {t('planning.web.costs.without', { ids: without.join(', ') })}
          </p>
        )}
      </Card>
    </div>
  );
}
