/**
 * The costs document (planning.md §5): per machine and per site, flat numbers or null, each
 * figure's provenance and null reasons beside it. Pure: what `plateau costs --json`, the API,
 * the web page and the site fiche all show.
 */
import type { Modality } from '../../core/kit-types.ts';
import { FORFAIT_REFERENCE } from './compute.ts';
import type {
  CostNullReason,
  CostOrigin,
  CostReference,
  CostReport,
  MachineCost,
} from './types.ts';

type Money = number | null;

/** One machine of the document. */
export interface CostsDocumentMachine {
  equipmentId: string;
  finess: string;
  modality: Modality;
  ageYears: number | null;
  amortisationCounted: boolean | null;
  ageUnknown: boolean;
  annualisedExams: number | null;
  costPerYear: Money;
  costPerOpeningHour: Money;
  costPerExam: Money;
  costPerIcr: Money;
  ftTier: 0 | 1 | 2 | null;
  examsToNextTier: number | null;
  ftThresholds: readonly [number, number] | null;
  provenance: { costs: CostOrigin; annualisedExams: 'measured'; ftTier: 'reference' };
  nullReasons: Partial<
    Record<'costPerYear' | 'costPerOpeningHour' | 'costPerExam' | 'costPerIcr', CostNullReason>
  >;
}

/** One site of the document (totals over its costed machines). */
export interface CostsDocumentSite {
  finess: string;
  machines: number;
  machinesWithoutCosts: string[];
  annualisedExams: number | null;
  costPerYear: Money;
  costPerExam: Money;
  costPerIcr: Money;
  provenance: { costs: CostOrigin; annualisedExams: 'measured' };
}

/** The costs document. `origin: 'illustrative'` must be said wherever it shows. */
export interface CostsDocument {
  origin: CostOrigin;
  costsFile: string | null;
  forfaitReference: CostReference;
  machines: CostsDocumentMachine[];
  sites: CostsDocumentSite[];
}

/** The flat JSON of a report (numbers or null), each figure's provenance beside it. */
export function costsDocument(report: CostReport, costsFile: string | null): CostsDocument {
  const o = report.origin;
  return {
    origin: o,
    costsFile,
    forfaitReference: FORFAIT_REFERENCE,
    machines: report.machines.map((m) => ({
      equipmentId: m.equipmentId,
      finess: m.finess,
      modality: m.modality,
      ageYears: m.ageYears,
      amortisationCounted: m.amortisationCounted,
      ageUnknown: m.ageUnknown,
      annualisedExams: m.annualisedExams.value,
      costPerYear: m.costPerYear.value,
      costPerOpeningHour: m.costPerOpeningHour.value,
      costPerExam: m.costPerExam.value,
      costPerIcr: m.costPerIcr.value,
      ftTier: m.ftTier?.tier ?? null,
      examsToNextTier: m.ftTier?.examsToNextTier ?? null,
      ftThresholds: m.ftTier?.thresholds ?? null,
      provenance: { costs: o, annualisedExams: 'measured', ftTier: 'reference' },
      nullReasons: reasons(m),
    })),
    sites: report.sites.map((s) => ({
      finess: s.finess,
      machines: s.machines,
      machinesWithoutCosts: s.machinesWithoutCosts,
      annualisedExams: s.annualisedExams.value,
      costPerYear: s.costPerYear.value,
      costPerExam: s.costPerExam.value,
      costPerIcr: s.costPerIcr.value,
      provenance: { costs: o, annualisedExams: 'measured' },
    })),
  };
}

function reasons(m: MachineCost): CostsDocumentMachine['nullReasons'] {
  const out: CostsDocumentMachine['nullReasons'] = {};
  for (const k of ['costPerYear', 'costPerOpeningHour', 'costPerExam', 'costPerIcr'] as const) {
    const reason = m[k].reason;
    if (reason !== undefined) out[k] = reason;
  }
  return out;
}
