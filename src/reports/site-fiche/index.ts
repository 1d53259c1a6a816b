/**
 * The site fiche ("fiche établissement"): one establishment's figures, its machines' place among
 * their peers and their improvement leads ranked by the hours they would free, as a
 * `ReportDocument` in French or English. Built from a loaded campaign only: it selects and
 * ranks stored results, and recomputes no indicator.
 */
import type { CampaignIndex, PeerScope } from '../../core/views/index.ts';
import { establishmentView } from '../../core/views/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { ReportDocument, ReportSection } from '../document-types.ts';
import { ReportError } from '../errors.ts';
import { closeMatches } from '../matches.ts';
import { rt } from '../messages/index.ts';
import type { PlanningInputs } from '../planning.ts';
import { ficheContext } from './context.ts';
import { costsSection } from './costs.ts';
import { identitySection, openingsSection, panelText } from './identity.ts';
import { machineSections } from './machine.ts';
import { methodSection } from './method.ts';
import { relevanceSections } from './relevance.ts';
import { surveySection } from './survey.ts';
import type { SiteBundleOrigin } from './bundle.ts';
import { bundleSection } from './bundle.ts';
import type { MachineWhatIf } from './what-would-change.ts';
import type { TrendSeries } from '../../core/trends/index.ts';
import { ficheTrend, machineTrendSection, siteTrendSection } from './trends.ts';

/**
 * The fiche of establishment `finess`, its machines compared with the peers `scope` selects.
 * With `whatIf` (the simulated leads of its machines, `whatWouldChangeOfSite`), each machine
 * chapter gains a "what would change" section. With `planning` (the campaign's planning
 * documents, `planningInputs`), the site's costs (when the campaign has a cost set) and its
 * relevance figures follow the survey. A site that came as a signed bundle of aggregates
 * (`index.isBundleSite`) gets a notice after its identity (`bundle`: its key and date, when read)
 * and none of the exam-level parts (what would change, relevance). Throws a `ReportError('not-found')` naming close
 * FINESS or names when the campaign has no such establishment.
 *
 * @example
 * const doc = siteFiche(index, '590780193', 'fr', 'region');
 * const pdf = await printReport(doc);
 */
export function siteFiche(
  index: CampaignIndex,
  finess: string,
  lang: Lang,
  scope: PeerScope = 'modality',
  whatIf?: ReadonlyMap<string, MachineWhatIf>,
  planning?: PlanningInputs | null,
  bundle?: SiteBundleOrigin | null,
  trends?: TrendSeries | null,
): ReportDocument {
  const view = establishmentView(index, finess, scope);
  if (!view) {
    const near = closeMatches(
      finess,
      index.listings.map((l) => ({ key: l.finess, label: l.name })),
    );
    throw new ReportError(
      'not-found',
      `no establishment with FINESS '${finess}' in campaign '${index.ref.id}'${near.length > 0 ? `; close matches: ${near.join(', ')}` : ''}`,
    );
  }
  // A bundle site sent no exam rows: nothing to simulate, no relevance figures of its own.
  const aggregatesOnly = index.isBundleSite(finess);
  const ctx = ficheContext(
    index,
    view.establishment,
    view.machines,
    lang,
    scope,
    aggregatesOnly ? undefined : whatIf,
  );
  const e = view.establishment;
  // With an earlier campaign in `trends` (the series anchored on this one): a trends chapter, and a sub-section per machine.
  const trend = ficheTrend(trends, finess);
  const sections: ReportSection[] = [
    identitySection(ctx),
    ...(aggregatesOnly ? [bundleSection(ctx, bundle ?? null)] : []),
    ...[openingsSection(ctx)].filter((s): s is ReportSection => s !== null),
    surveySection(ctx),
    ...(planning
      ? [costsSection(ctx, planning.costs())].filter((s): s is ReportSection => s !== null)
      : []),
    ...(planning && !aggregatesOnly ? relevanceSections(ctx, planning.relevance()) : []),
    ...(trend ? [siteTrendSection(ctx, trend)] : []),
    ...view.machines.flatMap((m, i) => {
      const chapter = machineSections(ctx, m, i + 1);
      const followed =
        trend && chapter[0] ? machineTrendSection(ctx, trend, m, chapter[0].id) : null;
      return followed ? [...chapter, followed] : chapter;
    }),
    methodSection(ctx),
  ];
  return {
    kind: 'site',
    lang,
    campaign: index.ref,
    title: rt(lang, 'site.title', { name: e.name }),
    subtitle: rt(lang, 'site.subtitle', {
      finess: e.finess,
      region: e.region || '—',
      panel: panelText(ctx),
    }),
    sections,
    toc: false,
  };
}
