/**
 * The Scenarios tab of a machine (`/c/:id/machines/:equipmentId?tab=scenarios`) and of an
 * establishment (its machines of one modality pooled, `&modality=`): the model calibrated by the
 * API, a scenario composed in a form and run in a Web Worker against the status quo, the
 * results, the predicted durations and the next available appointment. The scenario, its
 * replications and seed go into the address when run, so a copied link runs it again.
 */
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Modality } from '../../core/kit-types.ts';
import type {
  DurationModelReport,
  NextAvailable,
  SimulationModel,
} from '../../plan/simulation/types.ts';
import { formatInteger } from '../../i18n/format.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { withLang, withQuery } from '../lib/paths.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { readScenarioQuery, withScenarioQuery } from '../lib/scenario-url.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';
import { draftOf, newDraft } from '../components/scenarios/drafts.ts';
import { DurationsCard, NextAvailableCard } from '../components/scenarios/model-report.tsx';
import type { FormRun, PoolMachine } from '../components/scenarios/scenario-form.tsx';
import { ScenarioForm } from '../components/scenarios/scenario-form.tsx';
import { ScenarioResults } from '../components/scenarios/scenario-results.tsx';
import { useSimulation } from '../components/scenarios/use-simulation.ts';
import '../components/scenarios/scenarios.css';

/** `GET /api/campaigns/:id/simulation/model?machines=…`: the model and what comes with it. */
export interface SimulationModelAnswer {
  model: SimulationModel;
  durations: DurationModelReport | null;
  nextAvailable: NextAvailable[] | null;
}

/** The API route of a pool's simulation model. */
export function simulationModelPath(campaignId: string, equipmentIds: readonly string[]): string {
  return withQuery(`/api/campaigns/${encodeURIComponent(campaignId)}/simulation/model`, {
    machines: equipmentIds.join(','),
  });
}

/** The address as it is now (event handlers run after renders: read it, do not keep it). */
const currentHref = (): string => window.location.pathname + window.location.search;

function Progress({ done, total }: { done: number; total: number }): ReactNode {
  const t = useT();
  const share = total > 0 ? done / total : 0;
  return (
    <div className="scenario-progress" data-testid="scenario-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('scenarios.web.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
      >
        <div className="progress-bar" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="small" role="status">
        {t('scenarios.web.progress', { done, total: total || '…' })}{' '}
        <span className="muted">{t('scenarios.web.runningNote')}</span>
      </p>
    </div>
  );
}

/** The tab's body once the model is there. */
function Scenarios({
  answer,
  machines,
  modality,
}: {
  answer: SimulationModelAnswer;
  machines: readonly PoolMachine[];
  modality: Modality | null;
}): ReactNode {
  const t = useT();
  const { search } = useLocation();
  const lang = useLang();
  // The address is read once, when the tab opens: later runs write it, they do not re-read it.
  const [query] = useState(() => readScenarioQuery(search));
  const [initial] = useState(() => ({
    name: query.scenario?.name || t('scenarios.web.form.defaultName'),
    drafts: query.scenario
      ? query.scenario.changes.map((c, i) => draftOf(c, i + 1))
      : [newDraft('add-session', 1)],
    replications: query.replications,
    seed: query.seed,
  }));
  const { state, run, cancel } = useSimulation();
  const [copied, setCopied] = useState<MessageKey | null>(null);

  const start = useCallback(
    (form: FormRun) => {
      setCopied(null);
      navigate(withScenarioQuery(currentHref(), { tab: 'scenarios', modality, ...form }), {
        replace: true,
        keepScroll: true,
      });
      run({
        model: answer.model,
        scenarios: [form.scenario],
        replications: form.replications,
        seed: form.seed,
      });
    },
    [answer.model, modality, run],
  );

  // A shared link runs its scenario as soon as the model is there. The cleanup lets a remount
  // (React's development double mount, which also stops the worker) start it again.
  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current || !query.scenario) return;
    autoRan.current = true;
    start({ scenario: query.scenario, replications: query.replications, seed: query.seed });
    return () => {
      autoRan.current = false;
    };
  }, [query, start]);

  const copyLink = (form: FormRun | null): void => {
    const to = form
      ? withScenarioQuery(currentHref(), { tab: 'scenarios', modality, ...form })
      : currentHref();
    const url = new URL(withLang(to, lang), window.location.origin).href;
    if (form) navigate(withLang(to, lang), { replace: true, keepScroll: true });
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied('scenarios.web.form.copyFailed');
      return;
    }
    clipboard.writeText(url).then(
      () => setCopied('scenarios.web.form.copied'),
      () => setCopied('scenarios.web.form.copyFailed'),
    );
  };

  return (
    <>
      <Card
        title={t('scenarios.web.form.title')}
        note={t('scenarios.web.note')}
        id="scenario-form"
        level={2}
      >
        {machines.length > 1 && (
          <p className="small">
            {t('scenarios.web.pool', { machines: machines.map((m) => m.label).join(', ') })}
          </p>
        )}
        {query.unreadable && <p className="notice small">{t('scenarios.web.form.unreadable')}</p>}
        <ScenarioForm
          machines={machines}
          initial={initial}
          running={state.status === 'running'}
          onRun={start}
          onCancel={cancel}
          onCopyLink={copyLink}
          copied={copied}
        />
        {state.status === 'running' && <Progress done={state.done} total={state.total} />}
        {state.status === 'cancelled' && (
          <p className="muted small" role="status">
            {t('scenarios.web.cancelled')}
          </p>
        )}
        {state.status === 'error' && (
          <p className="state-error small" role="alert">
            {t('scenarios.web.failed', { message: state.message })}
          </p>
        )}
      </Card>
      {state.status === 'done' && <ScenarioResults report={state.report} />}
      <div className="grid grid-2">
        <DurationsCard report={answer.durations} machines={machines} />
        <NextAvailableCard values={answer.nextAvailable} machines={machines} />
      </div>
    </>
  );
}

/**
 * The Scenarios tab of one machine or of a pool of one site's machines of one modality.
 *
 * @example
 * <ScenariosTab campaignId="synthetic-2010" machines={[{ equipmentId: 'EQ1', label: 'IRM 1' }]} />
 */
export function ScenariosTab({
  campaignId,
  machines,
  modality = null,
}: {
  campaignId: string;
  machines: readonly PoolMachine[];
  /** The pooled modality on an establishment (kept in the address); null on a machine. */
  modality?: Modality | null;
}): ReactNode {
  const ids = useMemo(() => machines.map((m) => m.equipmentId), [machines]);
  const { state, retry } = useApi<SimulationModelAnswer>(simulationModelPath(campaignId, ids));
  if (state.status === 'loading')
    return (
      <div className="card">
        <Skeleton lines={4} />
      </div>
    );
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return <Scenarios answer={state.data} machines={machines} modality={modality} />;
}

/**
 * The establishment's Scenarios tab: its machines of one modality simulated together, with a
 * modality switch when the site has both.
 */
export function EstablishmentScenarios({
  campaignId,
  machines,
}: {
  campaignId: string;
  machines: readonly (PoolMachine & { modality: Modality })[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const { href, search } = useLocation();
  const modalities = (['CT', 'MR'] as const).filter((m) => machines.some((x) => x.modality === m));
  const asked = readScenarioQuery(search).modality;
  const modality = asked && modalities.includes(asked) ? asked : (modalities[0] ?? null);
  const pool = useMemo(
    () =>
      machines
        .filter((m) => m.modality === modality)
        .map(({ equipmentId, label }) => ({ equipmentId, label })),
    [machines, modality],
  );
  if (!modality || pool.length === 0)
    return (
      <Card title={t('scenarios.web.title')} level={2}>
        <p className="muted">{t('scenarios.web.noMachines')}</p>
      </Card>
    );
  return (
    <>
      {modalities.length > 1 && (
        <fieldset className="segmented scenario-modality" data-testid="scenario-modality">
          <legend>{t('scenarios.web.modality')}</legend>
          {modalities.map((m) => (
            <label key={m} className={m === modality ? 'segment segment-on' : 'segment'}>
              <input
                type="radio"
                name="scenario-modality"
                value={m}
                checked={m === modality}
                onChange={() =>
                  // Another pool: the scenario of the other one is left behind.
                  navigate(
                    withLang(withScenarioQuery(href, { tab: 'scenarios', modality: m }), lang),
                    { replace: true, keepScroll: true },
                  )
                }
              />
              {modalityLabel(m, lang)} (
              {formatInteger(machines.filter((x) => x.modality === m).length, lang)})
            </label>
          ))}
        </fieldset>
      )}
      <ScenariosTab key={modality} campaignId={campaignId} machines={pool} modality={modality} />
    </>
  );
}
