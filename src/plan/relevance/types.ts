/**
 * Relevance figures of planning.md §6: the inputs they read and the shapes they return.
 * Pure data: exams and machines of a kit (or several), no I/O; unreadable is `null`, never 0.
 * The `patient_key` column of exams.csv is not in the kit types yet: it is taken here as an
 * optional field of the exam objects (`patientKey`), until the kit reader carries it.
 */
import type { ActFamily, ActFamilyOverrides } from '../../core/act-families.ts';
import type { Equipment, Exam, Modality } from '../../core/kit-types.ts';
import type { Quantiles } from '../../core/stats.ts';

/**
 * An exam as the relevance figures read it: the kit's exam, plus the optional patient key
 * (planning.md §1: a keyed hash of the patient, never the identifier itself). The kit column
 * comes later; until then callers may set `patientKey` on the objects they pass.
 */
export type RelevanceExam = Pick<
  Exam,
  'examId' | 'equipmentId' | 'category' | 'roomIn' | 'acts' | 'requestedAt' | 'scheduledMinutes'
> & { patientKey?: string | null };

/** A machine as the relevance figures read it: which site, which modality. */
export type RelevanceMachine = Pick<Equipment, 'equipmentId' | 'finess' | 'modality'>;

/** A territory: an id and the FINESS of its sites. */
export interface RelevanceTerritory {
  id: string;
  finess: readonly string[];
}

/** Which exams a neuro share counts: all, scheduled (A, H, R) or emergency (U). */
export type NeuroScope = 'all' | 'scheduled' | 'emergency';
export const NEURO_SCOPES: readonly NeuroScope[] = ['all', 'scheduled', 'emergency'];

/** Head/brain exams (act family `head`) on CT and on MRI, and the CT share of their sum. */
export interface NeuroShare {
  ct: number;
  mr: number;
  /** ct / (ct + mr), 0–1; `null` when there is no head exam on either modality. */
  share: number | null;
  /** Percentile rank (0..1, ties counting half, as the benchmark) among the peers with a share; `null` when not a peer. */
  rank: number | null;
  /** The share is at or above the peers' P80 (for review against the Guide du bon usage). */
  flagged: boolean;
}

/** The neuro figures of one site (FINESS) or territory. */
export interface NeuroEntry {
  id: string;
  /** Same as `scopes.all.share`. */
  neuroCtShare: number | null;
  /** `flagged` of the `all` scope. */
  flagged: boolean;
  /**
   * Whether the entry is ranked among peers: a site is when it has both a CT and an MR machine
   * among the machines given (a CT-only site's share is 1 by force: an equipment question, §2, not
   * one of relevance), unless `peersNeedBothModalities` is off; a territory always is. Not a peer:
   * `rank` `null`, `flagged` false, share still given.
   */
  peer: boolean;
  scopes: Record<NeuroScope, NeuroShare>;
}

/** Options of `computeNeuro`. */
export interface NeuroOptions {
  /** Rank and flag only sites with both a CT and an MR machine (default `true`). */
  peersNeedBothModalities?: boolean;
  /** The user's act families (acts.csv `family`, `familyOverrides(kit.acts)`), over the shipped table. */
  families?: ActFamilyOverrides;
}

/** Neuro figures of every site and territory, with the peers' P20/P50/P80 of each scope. */
export interface NeuroResult {
  sites: NeuroEntry[];
  sitePeers: Record<NeuroScope, Quantiles>;
  territories: NeuroEntry[];
  territoryPeers: Record<NeuroScope, Quantiles>;
  /** Exams whose machine is not among the machines given (left out). */
  unknownMachineExams: number;
}

/** Repeats of one site and act family. */
export interface RepeatEntry {
  finess: string;
  modality: Modality;
  family: ActFamily;
  exams: number;
  /** Exams carrying a usable patient key (not blank, not refused as a raw identifier). */
  keyed: number;
  repeats: number;
  /** repeats / keyed; `null` when no exam has a key. */
  repeatShare: number | null;
}

/** Repeat figures: one entry per site, modality and family, plus the keys left out. */
export interface RepeatResult {
  entries: RepeatEntry[];
  /** Keys refused because they look like raw identifiers (those exams count as unkeyed). */
  refusedKeys: number;
  /** Exams with no act family (no repeat can be told) or an unknown machine: left out. */
  leftOut: number;
}

/** Data-quality side of relevance, per site. */
export interface QualityEntry {
  finess: string;
  exams: number;
  withoutRequestTime: number;
  withoutBookedLength: number;
  /** Shares 0–1; `null` when the site has no exam. */
  withoutRequestTimeShare: number | null;
  withoutBookedLengthShare: number | null;
}
