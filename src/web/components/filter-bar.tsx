/**
 * The peer-group filters of the campaign screens (modality, region, legal status, typology):
 * labelled selects whose options come from the campaign, written to the address so a filtered
 * view can be shared. A territory followed from the territories screens (a département, an
 * INSEE region) shows as a tag that removes it.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Modality } from '../../core/kit-types.ts';
import type { Typology } from '../../core/indicators/types.ts';
import type { FilterOptions } from '../../core/views/types.ts';
import { legalStatusLabel, modalityLabel, typologyLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import type { Filters } from '../lib/paths.ts';
import { departmentByCode, regionByCode } from '../../plan/territories/population.ts';
import { FILTER_KEYS, PLACE_FILTER_KEYS, SELECT_FILTER_KEYS } from '../lib/paths.ts';

type FilterKey = (typeof FILTER_KEYS)[number];
type SelectKey = (typeof SELECT_FILTER_KEYS)[number];
type PlaceKey = (typeof PLACE_FILTER_KEYS)[number];

/** "Nord (59)", or the code alone when the table does not know it. */
function placeName(key: PlaceKey, code: string): string {
  const name = key === 'department' ? departmentByCode(code)?.name : regionByCode(code)?.name;
  return name ? `${name} (${code})` : code;
}

function Select({
  name,
  value,
  choices,
  onChange,
}: {
  name: SelectKey;
  value: string | undefined;
  choices: { value: string; label: string }[];
  onChange: (value: string) => void;
}): ReactNode {
  const t = useT();
  const id = useId();
  const known = value === undefined || choices.some((c) => c.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(`filter.${name}` as MessageKey)}</label>
      <select
        id={id}
        value={value ?? ''}
        data-testid={`filter-${name}`}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t(`filter.all.${name}` as MessageKey)}</option>
        {!known && value !== undefined && <option value={value}>{value}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface FilterBarProps {
  options: FilterOptions;
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Filters fixed by the screen (the region of a region page) and so not offered. */
  fixed?: readonly FilterKey[];
}

/** The filter bar. */
export function FilterBar({ options, filters, onChange, fixed = [] }: FilterBarProps): ReactNode {
  const t = useT();
  const lang = useLang();
  const choices: Record<SelectKey, { value: string; label: string }[]> = {
    modality: options.modalities.map((m: Modality) => ({
      value: m,
      label: modalityLabel(m, lang),
    })),
    region: options.regions.map((r) => ({ value: r, label: r })),
    legalStatus: options.legalStatuses.map((s) => ({ value: s, label: legalStatusLabel(s, lang) })),
    typology: options.typologies.map((ty: Typology) => ({
      value: ty,
      label: typologyLabel(ty, lang),
    })),
  };
  const set = (key: FilterKey, value: string): void => {
    const next: Filters = Object.fromEntries(
      Object.entries({ ...filters, [key]: value }).filter(([, v]) => v),
    );
    onChange(next);
  };
  const active = FILTER_KEYS.some((k) => !fixed.includes(k) && filters[k] !== undefined);
  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={t('filter.legend')}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend className="visually-hidden">{t('filter.legend')}</legend>
        {SELECT_FILTER_KEYS.filter((k) => !fixed.includes(k)).map((key) => (
          <Select
            key={key}
            name={key}
            value={filters[key]}
            choices={choices[key]}
            onChange={(v) => set(key, v)}
          />
        ))}
        {PLACE_FILTER_KEYS.filter((k) => !fixed.includes(k)).map((key) => {
          const code = filters[key];
          if (code === undefined) return null;
          const label = t(
            key === 'department'
              ? 'territories.filter.department'
              : 'territories.filter.inseeRegion',
            { code: placeName(key, code) },
          );
          return (
            <span className="filter-tag" key={key} data-testid={`filter-${key}`}>
              {label}
              <button
                type="button"
                className="button button-small"
                aria-label={t('territories.filter.clearAria', { filter: label })}
                data-testid={`filter-${key}-clear`}
                onClick={() => set(key, '')}
              >
                {t('territories.filter.clear')} ×
              </button>
            </span>
          );
        })}
        {active && (
          <button
            type="button"
            className="button button-link"
            onClick={() =>
              onChange(
                Object.fromEntries(fixed.flatMap((k) => (filters[k] ? [[k, filters[k]]] : []))),
              )
            }
          >
            {t('filter.reset')}
          </button>
        )}
      </fieldset>
    </form>
  );
}
