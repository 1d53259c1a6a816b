/**
 * The panel of a synthesis (the report's "participants" page): establishments and machines by
 * legal status beside the 2010 panel, and by region (national) or department (a region), from
 * the index's establishment listings.
 */
import type { Modality } from '../../../core/kit-types.ts';
import { compareLabels } from '../../../core/views/summary.ts';
import type { EstablishmentListing } from '../../../core/views/types.ts';
import type { SynthesisScope } from '../scope.ts';
import { PUBLISHED_PANEL_2010 } from '../reference.ts';

/** One row of a panel table. */
export interface PanelRow {
  /** A legal status code, a region or a department (`null`: not given). */
  key: string | null;
  establishments: number;
  machines: Record<Modality, number>;
  exams: number;
}

/** A legal status row, with the establishments 2010 counted (national synthesis only). */
export interface LegalStatusRow extends PanelRow {
  key: string;
  published2010: number | null;
}

function listingsOf(scope: SynthesisScope): EstablishmentListing[] {
  return scope.index.listings.filter((l) => scope.region === null || l.region === scope.region);
}

function group(
  listings: readonly EstablishmentListing[],
  keyOf: (l: EstablishmentListing) => string | null,
): PanelRow[] {
  const rows = new Map<string | null, PanelRow>();
  for (const l of listings) {
    const key = keyOf(l);
    let row = rows.get(key);
    if (!row)
      rows.set(key, (row = { key, establishments: 0, machines: { CT: 0, MR: 0 }, exams: 0 }));
    row.establishments++;
    row.exams += l.exams;
    row.machines.CT += l.machines.CT ?? 0;
    row.machines.MR += l.machines.MR ?? 0;
  }
  return [...rows.values()];
}

/** Sums rows into a total row. */
export function panelTotal(rows: readonly PanelRow[]): PanelRow {
  return {
    key: null,
    establishments: rows.reduce((s, r) => s + r.establishments, 0),
    machines: {
      CT: rows.reduce((s, r) => s + r.machines.CT, 0),
      MR: rows.reduce((s, r) => s + r.machines.MR, 0),
    },
    exams: rows.reduce((s, r) => s + r.exams, 0),
  };
}

/**
 * Establishments, machines and exams by legal status, in the report's order of statuses; in the
 * national synthesis every status 2010 published is listed (with 0 when the campaign has none).
 *
 * @example
 * legalStatusRows(scope).find((r) => r.key === 'CH'); // { establishments: 117, published2010: 117, … }
 */
export function legalStatusRows(scope: SynthesisScope): LegalStatusRow[] {
  const rows = group(listingsOf(scope), (l) => l.legalStatus);
  const order = Object.keys(PUBLISHED_PANEL_2010);
  const national = scope.region === null;
  if (national) {
    for (const key of order) {
      if (!rows.some((r) => r.key === key))
        rows.push({ key, establishments: 0, machines: { CT: 0, MR: 0 }, exams: 0 });
    }
  }
  const rank = (key: string): number => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return rows
    .map((r) => ({
      ...r,
      key: r.key ?? '',
      published2010: national ? (PUBLISHED_PANEL_2010[r.key ?? ''] ?? null) : null,
    }))
    .sort((a, b) => rank(a.key) - rank(b.key) || compareLabels(a.key, b.key));
}

/**
 * Establishments, machines and exams by region (national synthesis) or by department (a
 * region's), sorted by name; a department not given comes last with key `null`.
 */
export function areaRows(scope: SynthesisScope): PanelRow[] {
  const rows = group(listingsOf(scope), (l) => (scope.region === null ? l.region : l.department));
  return rows.sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : compareLabels(a.key, b.key),
  );
}
