/**
 * `/c/:id/quality`: what in a campaign's data needs checking — short exams, overlaps, exams
 * outside sessions, unvalued exams and unknown acts, machines left out of occupancy and why,
 * whether the capacity simulation reproduces each machine's campaign (`plateau simulate --all`),
 * and the issues stored with its imports.
 */
import type { ReactNode } from 'react';
import type { CampaignDetail, MachineQualityRow, QualityView } from '../../core/views/types.ts';
import type { FailingMachine, SimulationChecksView } from '../../plan/simulation/checks.ts';
import type { FailingFigure } from '../../plan/simulation/types.ts';
import { formatDateTime, formatInteger, formatNumber, formatPercent } from '../../i18n/format.ts';
import { exclusionText, modalityLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EstablishmentLink, MachineLink } from '../components/entity-links.tsx';
import { IssuesTable } from '../components/issues-table.tsx';
import { ErrorState, PageSkeleton } from '../components/states.tsx';

function Tile({
  label,
  hint,
  value,
}: {
  label: MessageKey;
  hint: MessageKey;
  value: number;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  return (
    <div className={`tile${value > 0 ? ' tile-flag' : ''}`}>
      <span className="tile-value">{formatInteger(value, lang)}</span>
      <span className="tile-label">{t(label)}</span>
      <span className="tile-hint">{t(hint)}</span>
    </div>
  );
}

const needsCheck = (m: MachineQualityRow): boolean =>
  m.shortExams > 0 ||
  m.unvaluedExams > 0 ||
  m.examsOutsideSessions > 0 ||
  m.overlappingExams > 0 ||
  m.unknownActs.length > 0 ||
  !m.occupancyIncluded;

/** One failing figure of one machine: a row of the status-quo card. */
type FailingRow = FailingMachine & { figure: FailingFigure };

/** A figure's value in its unit: occupancy as a percentage, minutes whole, the rest to 0.1. */
function simulatedValue(f: FailingFigure, value: number, lang: ReturnType<typeof useLang>): string {
  if (f.figure === 'occupancy.programmed') return formatPercent(value, lang, 1);
  const minutes = f.figure.startsWith('unscheduledWait') || f.figure.endsWith('MinutesPerWeek');
  return formatNumber(value, lang, minutes ? 0 : 1);
}

/**
 * "Simulation: status quo": how many machines the simulation reproduces (planning.md §3 rule),
 * the others with the figure that fails, or how to compute it.
 */
function SimulationChecksCard({ id }: { id: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  const { state, retry } = useApi<SimulationChecksView>(
    `/api/campaigns/${encodeURIComponent(id)}/simulation/checks`,
  );
  const title = t('simulate.quality.title');
  if (state.status === 'loading')
    return (
      <Card title={title} level={2} id="simulation">
        <p className="muted">{t('common.loading')}</p>
      </Card>
    );
  if (state.status === 'error')
    return (
      <Card title={title} level={2} id="simulation">
        <ErrorState error={state.error} onRetry={retry} />
      </Card>
    );
  const view = state.data;
  const s = view.summary;
  if (s === null)
    return (
      <Card title={title} note={t('simulate.quality.lede')} level={2} id="simulation">
        <div data-testid="simulation-checks-empty">
          <p>{t('simulate.quality.empty')}</p>
          <pre className="command">
            <code>plateau simulate --all --campaign {view.campaign.id}</code>
          </pre>
        </div>
      </Card>
    );
  const rows: FailingRow[] = s.failing.flatMap((m) =>
    m.failing.map((figure) => ({ ...m, figure })),
  );
  const columns: Column<FailingRow>[] = [
    {
      key: 'machine',
      label: t('col.machine'),
      kind: 'text',
      value: (r) => r.equipmentId,
      render: (r) => <MachineLink campaignId={id} equipmentId={r.equipmentId} />,
    },
    {
      key: 'establishment',
      label: t('col.establishment'),
      kind: 'text',
      value: (r) => r.establishment,
      render: (r) =>
        r.finess === null ? (
          '–'
        ) : (
          <EstablishmentLink campaignId={id} finess={r.finess} name={r.establishment ?? r.finess} />
        ),
    },
    {
      key: 'modality',
      label: t('col.modality'),
      kind: 'text',
      value: (r) => (r.modality ? modalityLabel(r.modality, lang) : null),
    },
    {
      key: 'figure',
      label: t('simulate.quality.col.figure'),
      kind: 'text',
      value: (r) => t(`simulate.figure.${r.figure.figure}` as MessageKey),
      wrap: true,
    },
    {
      key: 'observed',
      label: t('simulate.quality.col.observed'),
      kind: 'number',
      value: (r) => r.figure.observed,
      render: (r) => simulatedValue(r.figure, r.figure.observed, lang),
    },
    {
      key: 'simulated',
      label: t('simulate.quality.col.simulated'),
      kind: 'number',
      value: (r) => (Number.isFinite(r.figure.simulated) ? r.figure.simulated : null),
      render: (r) =>
        r.figure.simulated === null || !Number.isFinite(r.figure.simulated)
          ? '–'
          : simulatedValue(r.figure, r.figure.simulated, lang),
    },
    {
      key: 'tolerance',
      label: t('simulate.quality.col.tolerance'),
      kind: 'number',
      value: (r) => r.figure.tolerance,
      render: (r) => `± ${simulatedValue(r.figure, r.figure.tolerance, lang)}`,
    },
  ];
  const unchecked = view.campaignMachines - s.machines;
  return (
    <Card title={title} note={t('simulate.quality.lede')} level={2} id="simulation">
      <div data-testid="simulation-checks">
        <p className="simulation-summary">
          <strong>
            {t('simulate.quality.summary', {
              reproduce: formatInteger(s.reproduce, lang),
              checked: formatInteger(s.machines, lang),
              share: formatPercent(s.share, lang, 0),
            })}
          </strong>
        </p>
        <p className="muted small">
          {t('simulate.quality.computed', {
            date: formatDateTime(s.computedAt, lang),
            replications: s.replications,
            seed: String(s.seed),
          })}
          {unchecked > 0 && ` ${t('simulate.quality.unchecked', { unchecked })}`}
        </p>
        {rows.length === 0 ? (
          <p>{t('simulate.quality.allReproduce')}</p>
        ) : (
          <DataTable
            name="simulation-failing"
            title={t('simulate.quality.failingTitle')}
            showCaption
            columns={columns}
            rows={rows}
            rowKey={(r) => `${r.equipmentId}|${r.figure.figure}`}
            limit={30}
          />
        )}
      </div>
    </Card>
  );
}

/** The quality screen. */
export function QualityPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  useTitle(t('quality.title'));
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const { state, retry } = useApi<QualityView>(api.quality(id));
  const header = (
    <CampaignHeader
      title={t('quality.title')}
      detail={detail.state.status === 'ok' ? detail.state.data : null}
    />
  );
  if (state.status === 'loading')
    return (
      <div className="page">
        {header}
        <PageSkeleton />
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="page">
        {header}
        <ErrorState error={state.error} onRetry={retry} />
      </div>
    );
  const view = state.data;
  const q = view.quality;
  const flagged = view.machines.filter(needsCheck);
  const excluded = view.machines.filter((m) => !m.occupancyIncluded);
  const machineColumn: Column<MachineQualityRow> = {
    key: 'machine',
    label: t('col.machine'),
    kind: 'text',
    value: (m) => m.equipmentId,
    render: (m) => <MachineLink campaignId={id} equipmentId={m.equipmentId} />,
  };
  const establishmentColumn: Column<MachineQualityRow> = {
    key: 'establishment',
    label: t('col.establishment'),
    kind: 'text',
    value: (m) => m.establishment,
    render: (m) => <EstablishmentLink campaignId={id} finess={m.finess} name={m.establishment} />,
  };
  const count = (
    key: string,
    label: MessageKey,
    pick: (m: MachineQualityRow) => number,
  ): Column<MachineQualityRow> => ({
    key,
    label: t(label),
    kind: 'number',
    value: pick,
  });
  const machineColumns: Column<MachineQualityRow>[] = [
    machineColumn,
    establishmentColumn,
    {
      key: 'modality',
      label: t('col.modality'),
      kind: 'text',
      value: (m) => modalityLabel(m.modality, lang),
    },
    count('exams', 'col.exams', (m) => m.exams),
    count('short', 'col.shortExams', (m) => m.shortExams),
    count('overlapping', 'col.overlapping', (m) => m.overlappingExams),
    count('outside', 'col.outsideSessions', (m) => m.examsOutsideSessions),
    count('unvalued', 'col.unvaluedExams', (m) => m.unvaluedExams),
    {
      key: 'unknownActs',
      label: t('col.unknownActs'),
      kind: 'text',
      value: (m) => m.unknownActs.join(' ') || null,
      wrap: true,
    },
    {
      key: 'included',
      label: t('col.included'),
      kind: 'text',
      value: (m) => t(m.occupancyIncluded ? 'common.yes' : 'common.no'),
    },
  ];
  const exclusionColumns: Column<MachineQualityRow>[] = [
    machineColumn,
    establishmentColumn,
    {
      key: 'modality',
      label: t('col.modality'),
      kind: 'text',
      value: (m) => modalityLabel(m.modality, lang),
    },
    {
      key: 'reason',
      label: t('col.reason'),
      kind: 'text',
      value: (m) => exclusionText(m.exclusionCode, m.shareAbove15, lang),
      wrap: true,
    },
    {
      key: 'shareAbove15',
      label: t('col.shareAbove15'),
      kind: 'percent',
      value: (m) => m.shareAbove15,
    },
  ];
  return (
    <div className="page">
      {header}
      <p className="lede">{t('quality.note')}</p>
      <div className="tiles" data-testid="quality-summary">
        <Tile label="quality.shortExams" hint="quality.shortExams.hint" value={q.shortExams} />
        <Tile
          label="quality.overlapping"
          hint="quality.overlapping.hint"
          value={q.overlappingExams}
        />
        <Tile label="quality.outside" hint="quality.outside.hint" value={q.examsOutsideSessions} />
        <Tile label="quality.unvalued" hint="quality.unvalued.hint" value={q.unvaluedExams} />
        <Tile
          label="quality.unknownActs"
          hint="quality.unknownActs.hint"
          value={q.unknownActs.length}
        />
        <Tile
          label="quality.excluded"
          hint="quality.excluded.hint"
          value={q.excludedFromOccupancy.length}
        />
      </div>
      {q.unknownActs.length > 0 && (
        <p className="small">{t('quality.unknownActsList', { acts: q.unknownActs.join(', ') })}</p>
      )}
      <Card
        title={t('quality.exclusions.title')}
        note={t('quality.exclusions.note')}
        level={2}
        id="exclusions"
      >
        <DataTable
          name="quality-exclusions"
          title={t('quality.exclusions.title')}
          columns={exclusionColumns}
          rows={excluded}
          rowKey={(m) => m.equipmentId}
          empty={t('quality.exclusions.empty')}
        />
      </Card>
      <Card
        title={t('quality.machines.title')}
        note={t('quality.machines.note')}
        level={2}
        id="machines"
      >
        <DataTable
          name="quality-machines"
          title={t('quality.machines.title')}
          columns={machineColumns}
          rows={flagged}
          rowKey={(m) => m.equipmentId}
          limit={50}
          empty={t('quality.machines.empty')}
        />
      </Card>
      <SimulationChecksCard id={id} />
      <Card title={t('quality.issues.title')} note={t('quality.issues.note')} level={2} id="issues">
        <p className="muted small">{t('quality.issueCounts', view.issueCounts)}</p>
        {view.issues.length === 0 ? (
          <p className="muted">{t('quality.issues.empty')}</p>
        ) : (
          <IssuesTable
            name="quality-issues"
            title={t('quality.issues.title')}
            issues={view.issues}
          />
        )}
      </Card>
    </div>
  );
}
