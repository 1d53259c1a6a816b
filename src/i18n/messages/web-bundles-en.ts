/**
 * Words of the screens for sites that came as signed aggregates (issue 16): the lists' badge,
 * the establishment and machine pages' banner, the hidden tabs and why. English (same keys as
 * web-bundles-fr.ts); en.ts spreads them.
 */
import type { webBundlesMessagesFr } from './web-bundles-fr.ts';

export const webBundlesMessagesEn: Record<keyof typeof webBundlesMessagesFr, string> = {
  'bundles.web.badge': 'signed aggregates',
  'bundles.web.badgeTitle': 'This site sent a signed bundle of aggregates, not its exams',
  'bundles.web.sites':
    '{n, plural, one {# establishment as signed aggregates} other {# establishments as signed aggregates}}',
  'bundles.web.banner.title': 'Data sent as signed aggregates',
  'bundles.web.banner.establishment':
    'This establishment sent a signed bundle of aggregates rather than its raw data: its machines’ indicators and their binned distributions were computed at home by plateau, signed with its registered key, verified and imported. No exam or session row left the establishment. Its machines are compared with their peers like the others (durations and delays within the bins’ precision); what needs exams one by one — timeline, heatmap, scenarios, on-call, relevance — is not available for it.',
  'bundles.web.banner.machine':
    'This machine belongs to an establishment that sent a signed bundle of aggregates: its indicators and their position among peers come from that bundle, computed at home by plateau. No exam or session row was sent.',
  'bundles.web.hidden':
    'Week timeline, heatmap and scenarios hidden: they are built from exams and sessions, which this site did not send.',
  'bundles.web.noScenarios':
    'No scenarios for this site: the simulation is calibrated on its exams and sessions, which it did not send (signed aggregates only).',
};
