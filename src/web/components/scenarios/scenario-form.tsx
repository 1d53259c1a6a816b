/**
 * The scenario form: a name, any number of changes of every type (each a fieldset with its own
 * fields: weekdays, HH:MM times, minutes, counts, shares and rates in percent), replications and
 * seed, then Run / Cancel / Copy link. Wrong fields are said beside them once a run was tried.
 */
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import type { IsoWeekday, Scenario } from '../../../plan/simulation/types.ts';
import { SCENARIO_CHANGE_TYPES } from '../../../plan/simulation/types.ts';
import { weekdayName } from '../../../i18n/format.ts';
import { categoryLabel } from '../../../i18n/labels.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { MAX_REPLICATIONS, MAX_SEED, MIN_REPLICATIONS } from '../../lib/scenario-url.ts';
import type { ChangeDraft, ChangeType, DraftErrors, DraftField } from './drafts.ts';
import { NO_SHOW_CATEGORIES, newDraft, scenarioOfForm } from './drafts.ts';

/** A machine of the simulated pool, for the per-machine changes. */
export interface PoolMachine {
  equipmentId: string;
  label: string;
}

/** What the form hands over when it is valid. */
export interface FormRun {
  scenario: Scenario;
  replications: number;
  seed: number;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

function FieldError({ id, error }: { id: string; error: string | undefined }): ReactNode {
  if (!error) return null;
  return (
    <span className="field-error" id={id}>
      {error}
    </span>
  );
}

/** A labelled input with its error underneath. */
function Input({
  label,
  value,
  onChange,
  error,
  type = 'number',
  step,
  testId,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the value, in words. */
  error?: string | undefined;
  type?: 'number' | 'time' | 'text';
  step?: string;
  testId?: string;
  className?: string;
}): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        step={step}
        inputMode={type === 'number' ? 'decimal' : undefined}
        className={className}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function Weekdays({
  value,
  onChange,
  error,
}: {
  value: readonly IsoWeekday[];
  onChange: (days: IsoWeekday[]) => void;
  error: string | undefined;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const id = useId();
  return (
    <fieldset
      className="weekdays"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{t('scenarios.web.field.weekdays')}</legend>
      {WEEKDAYS.map((d) => (
        <label key={d}>
          <input
            type="checkbox"
            checked={value.includes(d)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...value, d].sort((a, b) => a - b)
                  : value.filter((x) => x !== d),
              )
            }
          />
          <span title={weekdayName(d, lang)}>{weekdayName(d, lang, 'short')}</span>
        </label>
      ))}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

function MachineSelect({
  label,
  value,
  onChange,
  machines,
  all,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  machines: readonly PoolMachine[];
  /** The label of the "every machine" choice ('' value); none when absent. */
  all?: string;
}): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {machines.map((m) => (
          <option key={m.equipmentId} value={m.equipmentId}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The fields of one change. */
function ChangeFields({
  draft,
  errors,
  machines,
  update,
}: {
  draft: ChangeDraft;
  errors: DraftErrors;
  machines: readonly PoolMachine[];
  update: (patch: Partial<ChangeDraft>) => void;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const e = (field: DraftField): string | undefined => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const machine =
    machines.length > 1 ? (
      <MachineSelect
        label={t('scenarios.web.field.machine')}
        value={draft.machine}
        onChange={(machine) => update({ machine })}
        machines={machines}
        all={t('scenarios.web.field.allMachines')}
      />
    ) : null;
  switch (draft.type) {
    case 'extend-hours':
      return (
        <>
          <Weekdays
            value={draft.weekdays}
            onChange={(weekdays) => update({ weekdays })}
            error={e('weekdays')}
          />
          <div className="scenario-row">
            <Input
              label={t('scenarios.web.field.openEarlier')}
              value={draft.openEarlier}
              onChange={(openEarlier) => update({ openEarlier })}
              error={e('openEarlier')}
              step="5"
            />
            <Input
              label={t('scenarios.web.field.closeLater')}
              value={draft.closeLater}
              onChange={(closeLater) => update({ closeLater })}
              step="5"
            />
            {machine}
          </div>
        </>
      );
    case 'add-session':
    case 'interventional-sessions':
      return (
        <>
          <Weekdays
            value={draft.weekdays}
            onChange={(weekdays) => update({ weekdays })}
            error={e('weekdays')}
          />
          <div className="scenario-row">
            <Input
              type="time"
              label={t('scenarios.web.field.start')}
              value={draft.start}
              onChange={(start) => update({ start })}
              error={e('start')}
            />
            <Input
              type="time"
              label={t('scenarios.web.field.end')}
              value={draft.end}
              onChange={(end) => update({ end })}
              error={e('end')}
            />
            {machine}
          </div>
        </>
      );
    case 'add-machine':
      return (
        <div className="scenario-row">
          <Input
            label={t('scenarios.web.field.count')}
            value={draft.count}
            onChange={(count) => update({ count })}
            error={e('count')}
            step="1"
          />
          {machines.length > 1 && (
            <MachineSelect
              label={t('scenarios.web.field.gridOf')}
              value={draft.gridOf || (machines[0]?.equipmentId ?? '')}
              onChange={(gridOf) => update({ gridOf })}
              machines={machines}
            />
          )}
        </div>
      );
    case 'emergency-reservation':
      return (
        <div className="scenario-row">
          <Input
            label={t('scenarios.web.field.share')}
            value={draft.share}
            onChange={(share) => update({ share })}
            error={e('share')}
            step="5"
          />
        </div>
      );
    case 'demand-growth':
      return (
        <div className="scenario-row">
          <Input
            label={t('scenarios.web.field.percent')}
            value={draft.percent}
            onChange={(percent) => update({ percent })}
            error={e('percent')}
            step="1"
          />
        </div>
      );
    case 'no-show':
      return (
        <div className="scenario-row">
          {NO_SHOW_CATEGORIES.map((c) => (
            <Input
              key={c}
              label={t('scenarios.web.field.rate', { category: categoryLabel(c, lang) })}
              value={draft.rates[c]}
              onChange={(rate) => update({ rates: { ...draft.rates, [c]: rate } })}
              error={e(`rate.${c}`)}
              step="1"
            />
          ))}
        </div>
      );
    case 'predicted-durations':
    case 'fix-late-start':
      return null;
  }
}

/** The form. */
export function ScenarioForm({
  machines,
  initial,
  running,
  onRun,
  onCancel,
  onCopyLink,
  copied,
}: {
  machines: readonly PoolMachine[];
  initial: { name: string; drafts: ChangeDraft[]; replications: number; seed: number };
  running: boolean;
  onRun: (run: FormRun) => void;
  onCancel: () => void;
  /** Copies the link of the form's scenario (null: the form is not valid yet). */
  onCopyLink: (run: FormRun | null) => void;
  copied: MessageKey | null;
}): ReactNode {
  const t = useT();
  const [name, setName] = useState(initial.name);
  const [drafts, setDrafts] = useState<ChangeDraft[]>(initial.drafts);
  const [replications, setReplications] = useState(String(initial.replications));
  const [seed, setSeed] = useState(String(initial.seed));
  const [tried, setTried] = useState(false);
  const [addType, setAddType] = useState<ChangeType>('extend-hours');
  const addId = useId();

  const check = useMemo(() => scenarioOfForm(name, drafts), [name, drafts]);
  const r = wholeIn(replications, MIN_REPLICATIONS, MAX_REPLICATIONS);
  const s = wholeIn(seed, 0, MAX_SEED);
  const formRun: FormRun | null =
    check.scenario && r !== null && s !== null
      ? { scenario: check.scenario, replications: r, seed: s }
      : null;
  const nextId = (): number => drafts.reduce((max, d) => Math.max(max, d.id), 0) + 1;
  const update = (id: number, patch: Partial<ChangeDraft>): void =>
    setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...patch } : d)));

  return (
    <form
      className="scenario-form"
      data-testid="scenario-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (formRun && !running) onRun(formRun);
      }}
    >
      <div className="scenario-row">
        <Input
          type="text"
          label={t('scenarios.web.form.name')}
          value={name}
          onChange={setName}
          error={tried && check.nameError ? t(check.nameError) : undefined}
          testId="scenario-name"
          className="scenario-name"
        />
      </div>
      {drafts.length === 0 && <p className="notice small">{t('scenarios.web.form.none')}</p>}
      {drafts.map((draft, i) => (
        <fieldset key={draft.id} className="scenario-change" data-testid="scenario-change">
          <legend>
            {t('scenarios.web.form.changeN', { n: i + 1 })} —{' '}
            {t(`scenarios.web.change.${draft.type}`)}
          </legend>
          <div className="scenario-change-head">
            <p className="hint">{t(`scenarios.web.hint.${draft.type}`)}</p>
            <button
              type="button"
              className="button button-small"
              onClick={() => setDrafts((all) => all.filter((d) => d.id !== draft.id))}
              aria-label={t('scenarios.web.form.removeAria', { n: i + 1 })}
            >
              {t('scenarios.web.form.remove')}
            </button>
          </div>
          <ChangeFields
            draft={draft}
            errors={tried ? (check.errors[i] ?? {}) : {}}
            machines={machines}
            update={(patch) => update(draft.id, patch)}
          />
        </fieldset>
      ))}
      <div className="scenario-row">
        <div className="field">
          <label htmlFor={addId}>{t('scenarios.web.form.addType')}</label>
          <select
            id={addId}
            value={addType}
            onChange={(e) => setAddType(e.target.value as ChangeType)}
            data-testid="scenario-add-type"
          >
            {SCENARIO_CHANGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`scenarios.web.change.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => setDrafts((all) => [...all, newDraft(addType, nextId())])}
          data-testid="scenario-add"
        >
          + {t('scenarios.web.form.add')}
        </button>
      </div>
      <div className="scenario-row">
        <Input
          label={t('scenarios.web.form.replications')}
          value={replications}
          onChange={setReplications}
          error={
            tried && r === null
              ? t('scenarios.web.error.replications', {
                  min: MIN_REPLICATIONS,
                  max: MAX_REPLICATIONS,
                })
              : undefined
          }
          step="1"
          testId="scenario-replications"
        />
        <Input
          label={t('scenarios.web.form.seed')}
          value={seed}
          onChange={setSeed}
          error={tried && s === null ? t('scenarios.web.error.seed', { max: MAX_SEED }) : undefined}
          step="1"
          testId="scenario-seed"
        />
      </div>
      {tried && !formRun && (
        <p className="field-error" role="alert">
          {t(check.empty ? 'scenarios.web.form.none' : 'scenarios.web.form.invalid')}
        </p>
      )}
      <div className="scenario-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={running}
          data-testid="scenario-run"
        >
          {t('scenarios.web.form.run')}
        </button>
        {running && (
          <button type="button" className="button" onClick={onCancel} data-testid="scenario-cancel">
            {t('scenarios.web.form.cancel')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            setTried(true);
            onCopyLink(formRun);
          }}
          data-testid="scenario-copy"
        >
          {t('scenarios.web.form.copyLink')}
        </button>
        {copied && (
          <span className="muted small" role="status">
            {t(copied)}
          </span>
        )}
      </div>
    </form>
  );
}
