/**
 * The federated bundle (issue 16): what a site that keeps its exam rows at home sends to the
 * observatory. Its machines' indicators (what the benchmark ranks) and the exam-level samples the
 * benchmark pools, as binned counts (never a value per exam), with its campaign's identity and its
 * site's and machines' descriptions, signed with the site's Ed25519 key. Nothing in it names a
 * patient, an exam or a radiologist: the payload is read by an allow-list and any other key is a
 * refusal. Keys are a public interface: add (with a new `version`), never rename.
 */
import type { MachineIndicators, PatientType } from '../indicators/types.ts';
import type { Campaign, Category, Equipment, Establishment, SurveyAnswer } from '../kit-types.ts';

export const BUNDLE_FORMAT = 'plateau-bundle';
export const BUNDLE_VERSION = 1;

/**
 * The bin width of each sample family. A value `v` is counted in bin `round(v / width)` and read
 * back as `bin × width`, so every value read back is within `width / 2` of the true one, and so is
 * every quantile pooled from them (sorting is 1-Lipschitz in the max norm): the stated precision of
 * the benchmark's pooled P20/P50/P80 when bundles are mixed in. Appointment delays are whole days:
 * exact.
 */
export const BINNING = {
  durationMinutes: 0.5,
  reportDelayMinutes: 5,
  appointmentDelayDays: 1,
} as const;

export type SampleFamily = keyof typeof BINNING;

/** Counts of values per bin: `bins` holds `[bin, count]` pairs, bins ascending, counts ≥ 1; `n` = Σ counts. */
export interface Histogram {
  width: number;
  n: number;
  bins: [number, number][];
}

/** A machine's exam-level samples as histograms (`MachineSamples` binned). */
export interface BinnedSamples {
  durationMinutes: Partial<Record<Category, Histogram>>;
  reportDelayMinutes: Partial<Record<PatientType, Histogram>>;
  appointmentDelayDays: Partial<Record<'outpatient' | 'inpatient', Histogram>>;
}

/** One machine of the bundle: its equipment row, its indicators (without ranks: the observatory ranks), its binned samples. */
export interface BundleMachine {
  equipment: Equipment;
  indicators: Omit<MachineIndicators, 'percentRank'>;
  samples: BinnedSamples;
}

/** What is signed: the campaign, the site, its machines and its appointment-survey answers. */
export interface BundlePayload {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** ISO instant the bundle was made. */
  createdAt: string;
  /** The plateau version that computed the figures. */
  plateauVersion: string;
  campaign: Campaign;
  establishment: Establishment;
  machines: BundleMachine[];
  survey: SurveyAnswer[];
  binning: typeof BINNING;
}

/**
 * The file: the payload as the exact JSON text that was signed (UTF-8 bytes), and the signature.
 * `keyId` is the first 16 hex digits of the SHA-256 of the public key's SPKI DER encoding.
 */
export interface SignedBundle {
  format: 'plateau-signed-bundle';
  version: typeof BUNDLE_VERSION;
  payload: string;
  signature: { algorithm: 'Ed25519'; keyId: string; value: string };
}
