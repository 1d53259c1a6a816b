/**
 * The trend pages' words, free of React (tested from test/web): one sentence per change of
 * "Since last year" (machine and site events, followed leads, figure moves with before → after
 * and the rank's move), the verdicts' names, and how many campaigns a page's series holds.
 */
import type { CampaignRef } from '../core/views/types.ts';
import { seriesIds } from '../core/trends/index.ts';
import type { LeadVerdict, MachineLink, SiteOrigin, TrendChange } from '../core/trends/types.ts';
import { trendFigureUnit } from '../charts/trends.ts';
import { formatHoursPerWeek, formatRank, formatValue, MISSING } from './format.ts';
import { figureLabel, leadLabel, modalityLabel } from './labels.ts';
import type { Lang } from './lang.ts';
import { t } from './translate.ts';

/** How a page names the machines and sites its changes speak of (ids when it knows no better). */
export interface ChangeNames {
  machine(equipmentId: string): string;
  site(finess: string): string;
}

/** Names that are the ids themselves. */
export const ID_NAMES: ChangeNames = { machine: (id) => id, site: (finess) => finess };

/**
 * Who a figure or lead change is about, written before it: nothing on a machine's own page
 * (`subject: false`), the machine's name on a site's, the modality's median on a group's.
 */
function subjectOf(change: TrendChange, lang: Lang, names: ChangeNames, subject: boolean): string {
  if (!subject) return '';
  if (change.equipmentId !== null) return `${names.machine(change.equipmentId)} — `;
  if (change.modality !== null)
    return t(lang, 'trends.web.change.groupFigure', {
      modality: modalityLabel(change.modality, lang),
    });
  return '';
}

/**
 * One change in words.
 *
 * @example
 * changeSentence({ kind: 'figure', figure: 'totalOpening', before: 50, after: 60, rankBefore: 0.4, rankAfter: 0.7, … }, 'en', ID_NAMES, false);
 * // "Total opening: 50 h/week → 60 h/week (rank 40th percentile → 70th percentile)"
 */
export function changeSentence(
  change: TrendChange,
  lang: Lang,
  names: ChangeNames,
  subject: boolean,
): string {
  const machine = change.equipmentId === null ? MISSING : names.machine(change.equipmentId);
  const site = change.finess === null ? MISSING : names.site(change.finess);
  const previous =
    change.previousEquipmentId === null ? MISSING : names.machine(change.previousEquipmentId);
  switch (change.kind) {
    case 'machine-added':
    case 'machine-removed':
    case 'machine-replaced':
    case 'machine-renamed':
      return t(lang, `trends.web.change.${change.kind}`, { machine, site, previous });
    case 'site-added':
    case 'site-removed':
      return t(lang, `trends.web.change.${change.kind}`, { site });
    case 'lead': {
      if (change.lead === null) return MISSING;
      return t(lang, 'trends.web.change.lead', {
        subject: subjectOf(change, lang, names, subject),
        lead: leadLabel(change.lead, lang),
        verdict: verdictLabel(change.verdict ?? 'unknown', lang),
        before: formatHoursPerWeek(change.before, lang),
        after: formatHoursPerWeek(change.after, lang),
      });
    }
    case 'figure': {
      if (change.figure === null) return MISSING;
      const unit = trendFigureUnit(change.figure);
      const params = {
        subject: subjectOf(change, lang, names, subject),
        figure: figureLabel(change.figure, lang),
        before: formatValue(change.before, unit, lang),
        after: formatValue(change.after, unit, lang),
      };
      return change.rankBefore !== null && change.rankAfter !== null
        ? t(lang, 'trends.web.change.figureRank', {
            ...params,
            rankBefore: formatRank(change.rankBefore, lang),
            rankAfter: formatRank(change.rankAfter, lang),
          })
        : t(lang, 'trends.web.change.figure', params);
    }
  }
}

/** A lead's verdict in words ("acted on", "piste mise en œuvre"). */
export function verdictLabel(verdict: LeadVerdict, lang: Lang): string {
  return t(lang, `trends.web.verdict.${verdict}`);
}

/** How a machine is found in a campaign, in words. */
export function linkLabel(link: MachineLink['link'], lang: Lang): string {
  return t(lang, `trends.web.link.${link}`);
}

/** Where a site's figures came from, in words; the dash when absent. */
export function originLabel(origin: SiteOrigin | null, lang: Lang): string {
  return origin === null ? MISSING : t(lang, `trends.web.origin.${origin}`);
}

/**
 * How many campaigns the trend of campaign `id` follows (the stored ones up to it, as the API
 * chooses them); 0 when `id` is not listed. Links to trends show from 2 on.
 */
export function seriesLength(campaigns: readonly CampaignRef[], id: string): number {
  return seriesIds(campaigns, id)?.length ?? 0;
}
