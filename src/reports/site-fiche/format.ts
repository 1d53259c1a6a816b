/**
 * How the fiche writes a distribution in one cell: "12 min (8–18)", the median then the P20–P80
 * range, or "—" when unknown.
 */
import type { Lang } from '../../i18n/index.ts';
import { formatNumber, MISSING, NBSP, NNBSP, unitSymbol } from '../../i18n/index.ts';
import type { Quantiles } from '../../core/stats.ts';

/** "median (P20–P80)" with each value through `fmt`. */
export function rangeText(q: Quantiles | null | undefined, fmt: (v: number) => string): string {
  if (!q || q.p50 === null) return MISSING;
  if (q.p20 === null || q.p80 === null || q.n < 2) return fmt(q.p50);
  return `${fmt(q.p50)} (${fmt(q.p20)} – ${fmt(q.p80)})`;
}

/**
 * Hours per week of a lead, to the hundredth ("3,75 h/sem"): leads are often a few hours, and
 * the hand-checkable quarter hours should read as such.
 */
export function formatLeadHours(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return `${formatNumber(value, lang, 2)}${lang === 'fr' ? NNBSP : NBSP}${unitSymbol('h/week', lang)}`;
}
