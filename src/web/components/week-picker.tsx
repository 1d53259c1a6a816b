/**
 * Choosing a week of the campaign: previous and next buttons around a labelled select.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { WeekRef } from '../../core/views/types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useLang, useT } from '../lib/i18n.tsx';

/** The week picker. */
export function WeekPicker({
  weeks,
  value,
  onChange,
}: {
  weeks: readonly WeekRef[];
  value: number;
  onChange: (week: number) => void;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const first = weeks[0]?.index ?? 0;
  const last = weeks[weeks.length - 1]?.index ?? 0;
  return (
    <div className="week-picker" role="group" aria-label={t('week.label')}>
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange(value - 1)}
        disabled={value <= first}
        aria-label={t('week.previous')}
      >
        ←
      </button>
      <label htmlFor={id} className="visually-hidden">
        {t('week.label')}
      </label>
      <select
        id={id}
        value={value}
        data-testid="week-select"
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {weeks.map((w) => (
          <option key={w.index} value={w.index}>
            {t('week.option', { n: w.index + 1, date: formatDate(w.start, lang) })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange(value + 1)}
        disabled={value >= last}
        aria-label={t('week.next')}
      >
        →
      </button>
    </div>
  );
}
