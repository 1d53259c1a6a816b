/**
 * `/c/:id/oncall?department=D | region=R` and the pooling settings: a territory's nights and
 * teleradiology. The map of its départements by PDS exams per week, the measured demand per
 * site and modality, the four on-call organisations with each figure's provenance, the notes
 * worded from their codes, and a form whose settings live in the address (a shared link shows
 * the same figures). The figures are the API's pooling document, never recomputed here.
 */
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { oncallMapOption } from '../../charts/oncall.ts';
import { boundsOf } from '../../charts/territory-map.ts';
import type { CampaignDetail } from '../../core/views/types.ts';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../i18n/format.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import type {
  OncallDocument,
  OncallFigure,
  OncallOptionFigures,
} from '../../plan/oncall/document.ts';
import type { SiteModalityDemand } from '../../plan/oncall/types.ts';
import {
  departmentByCode,
  normalizeDepartmentCode,
  POPULATION,
  regionByCode,
  regionCodeOf,
} from '../../plan/territories/population.ts';
import type { ApiFailure } from '../lib/api.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { useMediaQuery } from '../lib/media.ts';
import { api, paths } from '../lib/paths.ts';
import type { OncallForm, OncallPlace, OncallSettings } from '../lib/planning.ts';
import {
  demandByDepartment,
  formOf,
  oncallNoteText,
  oncallQuery,
  oncallQueryOf,
  provenanceText,
  settingsOfForm,
  withProvenance,
} from '../lib/planning.ts';
import { useLocation } from '../lib/router.ts';
import { useTerritoryBoundaries } from '../lib/territory-maps.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Link, useNavigate } from '../components/link.tsx';
import {
  IllustrativeBanner,
  ProvenanceBadge,
  ProvenanceLegend,
} from '../components/planning/provenance.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../components/states.tsx';
import '../components/planning/planning.css';

/** The place's INSEE code and name (the département's, or the region's from a code or a name). */
function placeOf(place: OncallPlace): { code: string; name: string | null; region: string | null } {
  if (place.kind === 'department') {
    const code = normalizeDepartmentCode(place.code) ?? place.code;
    const d = departmentByCode(code);
    return { code, name: d?.name ?? null, region: d?.region ?? null };
  }
  const code = regionCodeOf(place.code) ?? place.code;
  return { code, name: regionByCode(code)?.name ?? null, region: code };
}

/** The on-call screen. */
export function OncallPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const { search } = useLocation();
  const { place, settings } = oncallQueryOf(search);
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const where = place ? placeOf(place) : null;
  const placeText =
    place && where
      ? place.kind === 'department'
        ? t('planning.web.oncall.place.department', {
            name: where.name ?? where.code,
            code: where.code,
          })
        : t('planning.web.oncall.place.region', { name: where.name ?? place.code })
      : '';
  const title = t('planning.web.oncall.title', { place: placeText });
  useTitle(title);
  const doc = useApi<OncallDocument>(place ? api.oncall(id, oncallQuery(place, settings)) : null);
  // The last figures stay on screen while new settings compute.
  const [last, setLast] = useState<OncallDocument | null>(null);
  if (doc.state.status === 'ok' && doc.state.data !== last) setLast(doc.state.data);
  const shown =
    doc.state.status === 'ok' ? doc.state.data : doc.state.status === 'loading' ? last : null;
  const back =
    place && where
      ? place.kind === 'department'
        ? paths.territory(id, where.code)
        : paths.territories(id, { level: 'department', inseeRegion: where.code })
      : paths.territories(id);
  return (
    <div className="page">
      <CampaignHeader
        title={title}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
      >
        <p className="report-link">
          <Link to={back} data-testid="oncall-back">
            ← {t('planning.web.oncall.back')}
          </Link>
        </p>
      </CampaignHeader>
      <p className="lead">{t('planning.web.oncall.intro')}</p>
      {!place && <EmptyState title={t('planning.web.oncall.noTerritory')} />}
      {place && doc.state.status === 'error' && (
        <OncallError error={doc.state.error} onRetry={doc.retry} />
      )}
      {place && !shown && doc.state.status === 'loading' && <PageSkeleton />}
      {place && where && shown && (
        <OncallBody
          id={id}
          place={place}
          where={where}
          doc={shown}
          settings={settings}
          busy={doc.state.status === 'loading'}
        />
      )}
    </div>
  );
}

function OncallError({ error, onRetry }: { error: ApiFailure; onRetry: () => void }): ReactNode {
  const t = useT();
  if (error.status === 404)
    return (
      <div data-testid="oncall-nosite">
        <EmptyState title={t('planning.web.oncall.noSite')} />
      </div>
    );
  if (error.status === 400)
    return (
      <p className="notice" role="alert" data-testid="oncall-refused">
        {t('planning.web.oncall.error.badRequest', { message: error.message })}
      </p>
    );
  return <ErrorState error={error} onRetry={onRetry} />;
}

type DemandRow = SiteModalityDemand & { name: string; department: string | null };

function OncallBody({
  id,
  place,
  where,
  doc,
  settings,
  busy,
}: {
  id: string;
  place: OncallPlace;
  where: { code: string; name: string | null; region: string | null };
  doc: OncallDocument;
  settings: OncallSettings;
  busy: boolean;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const m = doc.model;
  const names = new Map(doc.sites.map((s) => [s.finess, s]));
  const label =
    place.kind === 'department' ? (where.name ?? where.code) : (where.name ?? place.code);
  const apply = (next: OncallSettings): void =>
    go(paths.oncall(id, oncallQuery(place, next)), { keepScroll: true });

  const demandRows: DemandRow[] = doc.demand.rows.map((r) => ({
    ...r,
    name: names.get(r.site)?.name ?? r.site,
    department: names.get(r.site)?.department ?? null,
  }));
  const measured = (key: Parameters<typeof t>[0]): string =>
    withProvenance(t(key), 'measured', lang);
  const demandColumns: Column<DemandRow>[] = [
    {
      key: 'site',
      label: t('planning.web.oncall.col.site'),
      kind: 'text',
      value: (r) => r.name,
      render: (r) => <Link to={paths.establishment(id, r.site)}>{r.name}</Link>,
    },
    { key: 'finess', label: 'FINESS', kind: 'text', value: (r) => r.site, exportOnly: true },
    {
      key: 'department',
      label: t('planning.web.oncall.col.department'),
      kind: 'text',
      value: (r) => r.department,
    },
    {
      key: 'modality',
      label: t('planning.web.oncall.col.modality'),
      kind: 'text',
      value: (r) => modalityLabel(r.modality, lang),
    },
    {
      key: 'night',
      label: measured('planning.web.oncall.col.night'),
      kind: 'number',
      value: (r) => r.perWeek.night,
      render: (r) => formatNumber(r.perWeek.night, lang, 1),
    },
    {
      key: 'weekend',
      label: measured('planning.web.oncall.col.weekend'),
      kind: 'number',
      value: (r) => r.perWeek.weekend,
      render: (r) => formatNumber(r.perWeek.weekend, lang, 1),
    },
    {
      key: 'perYear',
      label: measured('planning.web.oncall.col.perYear'),
      kind: 'number',
      value: (r) => r.perYear,
      render: (r) => formatInteger(r.perYear, lang),
    },
    {
      key: 'campaign',
      label: measured('planning.web.oncall.col.campaign'),
      kind: 'number',
      value: (r) => r.examsInCampaign,
    },
  ];

  const figureText = (figure: OncallFigure, v: number | null): string => {
    if (v === null)
      return figure === 'costPerWeek' && m.hourlyRate === null
        ? t('planning.web.oncall.noCost')
        : MISSING;
    switch (figure) {
      case 'linesNeeded':
        return formatInteger(v, lang);
      case 'onCallHoursPerWeek':
        return formatNumber(v, lang, 0);
      case 'examsPerOnCallHour':
        return formatNumber(v, lang, 2);
      case 'shareReadWithinTarget':
        return formatPercent(v, lang, 1);
      case 'meanResponseMinutes':
        return formatNumber(v, lang, 1);
      case 'costPerWeek':
        return formatNumber(v, lang, 0);
    }
  };
  const figureColumns: [OncallFigure, Parameters<typeof t>[0]][] = [
    ['linesNeeded', 'planning.web.oncall.col.lines'],
    ['onCallHoursPerWeek', 'planning.web.oncall.col.hoursPerWeek'],
    ['examsPerOnCallHour', 'planning.web.oncall.col.examsPerHour'],
    ['shareReadWithinTarget', 'planning.web.oncall.col.share'],
    ['meanResponseMinutes', 'planning.web.oncall.col.response'],
    ['costPerWeek', 'planning.web.oncall.col.cost'],
  ];
  const poolingColumns: Column<OncallOptionFigures>[] = [
    {
      key: 'option',
      label: t('planning.web.oncall.col.option'),
      kind: 'text',
      value: (o) => t(`planning.web.oncall.option.${o.option}`),
      wrap: true,
    },
    ...figureColumns.flatMap(([figure, key]): Column<OncallOptionFigures>[] => [
      {
        key: figure,
        label: t(key),
        kind: figure === 'shareReadWithinTarget' ? 'percent' : 'number',
        value: (o) => o[figure],
        render: (o) => (
          <span data-testid={`oncall-${o.option}-${figure}`}>
            {figureText(figure, o[figure])}
            <ProvenanceBadge provenance={o.provenance[figure]} />
          </span>
        ),
      },
      {
        key: `${figure}-provenance`,
        label: `${t(key)} — ${t('planning.web.provenance.label')}`,
        kind: 'text',
        value: (o) => provenanceText(o.provenance[figure], lang),
        exportOnly: true,
      },
    ]),
  ];
  const rate =
    m.hourlyRate === null
      ? t('planning.web.oncall.noRate')
      : `${formatNumber(m.hourlyRate, lang, 2)} €`;
  const modelText = t('planning.web.oncall.model', {
    ct: formatNumber(m.readingMinutes.CT, lang, 1),
    mr: formatNumber(m.readingMinutes.MR, lang, 1),
    provenance: provenanceText(m.readingProvenance, lang),
    distribution: t(`planning.web.oncall.distribution.${m.distribution}`),
    share: formatPercent(m.targetShare, lang, 1),
    minutes: formatNumber(m.targetMinutes, lang, 1),
    rate,
    holidays:
      m.holidays.length === 0 ? t('planning.web.oncall.noHolidayList') : m.holidays.join(', '),
  });

  return (
    <div data-testid="oncall-page" aria-busy={busy}>
      <details className="meta" data-testid="oncall-sites">
        <summary>
          {t('planning.web.oncall.sitesSummary', { count: formatInteger(doc.sites.length, lang) })}
        </summary>
        <p>{doc.sites.map((s) => s.name).join(', ')}</p>
      </details>
      <p className="muted" data-testid="oncall-hours">
        {t('planning.web.oncall.hours', {
          night: formatNumber(doc.demand.hoursPerWeek.night, lang, 1),
          weekend: formatNumber(doc.demand.hoursPerWeek.weekend, lang, 1),
        })}
      </p>
      {m.readingProvenance === 'illustrative' && (
        <IllustrativeBanner
          text={t('planning.web.oncall.note.illustrativeReading')}
          testId="oncall-illustrative"
        />
      )}
      <div className="oncall-grid">
        <Card
          title={t('planning.web.oncall.form.title')}
          note={t('planning.web.oncall.form.note')}
          level={2}
        >
          <SettingsForm
            key={JSON.stringify(m)}
            initial={formOf(m, lang)}
            onApply={apply}
            onReset={() => apply({})}
          />
          <p className="muted small" data-testid="oncall-model">
            {modelText}
          </p>
        </Card>
        <OncallMap id={id} place={place} where={where} doc={doc} settings={settings} />
      </div>
      <Card
        title={`${t('planning.web.oncall.pooling.title')} — ${label}`}
        note={t('planning.web.oncall.pooling.note')}
        level={2}
      >
        <div className="planning-table">
          <DataTable
            name="oncall-pooling"
            title={`${label} — ${t('planning.web.oncall.pooling.title')}`}
            columns={poolingColumns}
            rows={doc.options}
            rowKey={(o) => o.option}
          />
        </div>
        <ProvenanceLegend />
        <h3 className="subheading">{t('planning.web.oncall.notes')}</h3>
        <ul className="planning-notes" data-testid="oncall-notes">
          {doc.notes
            .filter((n) => n.code !== 'illustrativeReading')
            .map((n) => (
              <li key={`${n.code}-${JSON.stringify(n.params)}`} data-note={n.code}>
                {oncallNoteText(n, lang)}
              </li>
            ))}
        </ul>
      </Card>
      <Card
        title={`${t('planning.web.oncall.demand.title')} — ${label}`}
        note={t('planning.web.oncall.demand.note')}
        level={2}
      >
        <div className="planning-table">
          <DataTable
            name="oncall-demand"
            title={`${label} — ${t('planning.web.oncall.demand.title')}`}
            columns={demandColumns}
            rows={demandRows}
            rowKey={(r) => `${r.site}-${r.modality}`}
            empty={t('planning.web.oncall.note.noDemand')}
          />
        </div>
      </Card>
    </div>
  );
}

const PHONE_LEGEND = 8 * 16;

function OncallMap({
  id,
  place,
  where,
  doc,
  settings,
}: {
  id: string;
  place: OncallPlace;
  where: { code: string; name: string | null; region: string | null };
  doc: OncallDocument;
  settings: OncallSettings;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const phone = useMediaQuery('(max-width: 600px)');
  const { boundaries } = useTerritoryBoundaries();
  const option = useMemo(() => {
    if (!boundaries) return null;
    const demand = demandByDepartment(doc);
    const region = POPULATION.departments
      .filter((d) => d.region === where.region)
      .map((d) => d.code);
    const focus = place.kind === 'department' ? [where.code] : region;
    const bounds = boundsOf(boundaries.DEPARTMENTS, region.length > 0 ? region : focus, 0.08);
    return oncallMapOption({
      values: POPULATION.departments.map((d) => ({
        code: d.code,
        name: d.name,
        value: demand.get(d.code) ?? null,
      })),
      focus,
      ...(bounds ? { bounds } : {}),
      ...(place.kind === 'department' ? { highlight: where.code } : {}),
      insets: boundaries.INSETS,
      attribution: boundaries.GEO_ATTRIBUTION,
      lang,
    });
  }, [boundaries, doc, place.kind, where, lang]);
  if (!option) return null;
  return (
    <Card
      title={t('planning.web.oncall.map.title')}
      note={t(
        place.kind === 'department'
          ? 'planning.web.oncall.map.noteDepartment'
          : 'planning.web.oncall.map.noteRegion',
      )}
      level={2}
    >
      <Chart
        name="oncall-map"
        title={`${where.name ?? where.code} — ${t('planning.web.oncall.map.title')}`}
        option={option}
        height={phone ? 420 + PHONE_LEGEND : 420}
        onItemClick={(code) =>
          go(paths.oncall(id, oncallQuery({ kind: 'department', code }, settings)))
        }
      />
    </Card>
  );
}

/** The settings form: checked here, written to the address on "compute again". */
function SettingsForm({
  initial,
  onApply,
  onReset,
}: {
  initial: OncallForm;
  onApply: (settings: OncallSettings) => void;
  onReset: () => void;
}): ReactNode {
  const t = useT();
  const [form, setForm] = useState<OncallForm>(initial);
  const [invalid, setInvalid] = useState<{ field: keyof OncallForm; value: string } | null>(null);
  const labels: Record<keyof OncallForm, string> = {
    readingCT: t('planning.web.oncall.form.readingCT'),
    readingMR: t('planning.web.oncall.form.readingMR'),
    reading: t('planning.web.oncall.form.reading'),
    targetMinutes: t('planning.web.oncall.form.targetMinutes'),
    targetSharePercent: t('planning.web.oncall.form.targetShare'),
    hourlyRate: t('planning.web.oncall.form.hourlyRate'),
    holidays: t('planning.web.oncall.form.holidays'),
  };
  const field = (key: Exclude<keyof OncallForm, 'reading'>, className?: string): ReactNode => (
    <label className={className}>
      {labels[key]}
      <input
        type="text"
        inputMode={key === 'holidays' ? 'text' : 'decimal'}
        value={form[key]}
        data-testid={`oncall-form-${key}`}
        aria-invalid={invalid?.field === key ? true : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  const submit = (): void => {
    const checked = settingsOfForm(form);
    if (!checked.ok) {
      setInvalid({ field: checked.field, value: checked.value });
      return;
    }
    setInvalid(null);
    onApply(checked.settings);
  };
  return (
    <form
      className="oncall-form"
      data-testid="oncall-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {field('readingCT')}
      {field('readingMR')}
      <label>
        {labels.reading}
        <select
          value={form.reading}
          data-testid="oncall-form-reading"
          onChange={(e) =>
            setForm({ ...form, reading: e.target.value === 'fixed' ? 'fixed' : 'exponential' })
          }
        >
          <option value="exponential">{t('planning.web.oncall.form.exponential')}</option>
          <option value="fixed">{t('planning.web.oncall.form.fixed')}</option>
        </select>
      </label>
      {field('targetMinutes')}
      {field('targetSharePercent')}
      {field('hourlyRate')}
      {field('holidays', 'oncall-holidays')}
      <div className="oncall-form-actions">
        <button type="submit" className="button" data-testid="oncall-form-apply">
          {t('planning.web.oncall.form.apply')}
        </button>
        <button
          type="button"
          className="button button-link"
          onClick={onReset}
          data-testid="oncall-form-reset"
        >
          {t('planning.web.oncall.form.reset')}
        </button>
      </div>
      {invalid && (
        <p
          className="notice"
          role="alert"
          data-testid="oncall-form-error"
          style={{ gridColumn: '1 / -1' }}
        >
          {t('planning.web.oncall.form.invalid', {
            value: invalid.value,
            field: labels[invalid.field],
          })}
        </p>
      )}
    </form>
  );
}
