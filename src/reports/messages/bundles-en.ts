/**
 * English words of the site fiche's notice for a site that came as a signed bundle of aggregates
 * (issue 16), spread into the reports' English dictionary (`en.ts`).
 */
import type { bundlesFr } from './bundles-fr.ts';

export const bundlesEn: Record<keyof typeof bundlesFr, string> = {
  'site.bundle.title': 'Signed aggregates',
  'site.bundle.text':
    'This establishment sent a signed bundle of aggregates, not its raw data: its machines’ indicators and their binned distributions were computed at home by plateau, then verified (Ed25519 signature of a key registered for its FINESS) and imported. No exam or session row left the establishment.',
  'site.bundle.key': 'Signing key',
  'site.bundle.createdAt': 'Bundle created on',
  'site.bundle.unknown': 'not given',
  'site.bundle.skipped':
    'The parts that need the exams one by one are not in this fiche: the “what would change” simulation and the relevance figures. Position, durations, delays and leads come from the aggregates and read as for the other establishments (durations and delays within the bins’ precision).',
};
