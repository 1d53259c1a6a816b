/**
 * "Depuis l'an dernier / Since last year": the notable changes between the last two campaigns
 * of a trend, one sentence each (src/i18n/trend-words.ts), the first dozen shown and the rest on demand.
 */
import type { ReactNode } from 'react';
import { trendCampaignLabels } from '../../../charts/trends.ts';
import type { TrendChange } from '../../../core/trends/types.ts';
import type { CampaignRef } from '../../../core/views/types.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card } from '../card.tsx';
import type { ChangeNames } from '../../../i18n/trend-words.ts';
import { changeSentence } from '../../../i18n/trend-words.ts';

/** Sentences shown before "show the n other changes". */
const SHOWN = 12;

/** A campaign's short label (its start year, or its name when two share a year). */
function nameOf(campaigns: readonly CampaignRef[], id: string | undefined): string {
  const i = campaigns.findIndex((c) => c.id === id);
  return trendCampaignLabels(campaigns)[i] ?? id ?? '';
}

/** The since-last-year card; `subject` names the machine or modality before figure and lead moves. */
export function SinceLastYear({
  campaigns,
  changes,
  names,
  subject,
}: {
  campaigns: readonly CampaignRef[];
  changes: readonly TrendChange[];
  names: ChangeNames;
  subject: boolean;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const first = changes[0];
  const from = nameOf(campaigns, first?.from ?? campaigns.at(-2)?.id);
  const to = nameOf(campaigns, first?.to ?? campaigns.at(-1)?.id);
  const item = (c: TrendChange, i: number): ReactNode => (
    <li key={i} data-kind={c.kind}>
      {changeSentence(c, lang, names, subject)}
    </li>
  );
  return (
    <Card
      title={t('trends.web.since.title')}
      note={t('trends.web.since.note', { from, to })}
      level={2}
      id="since-last-year"
    >
      {changes.length === 0 ? (
        <p className="muted" data-testid="since-none">
          {t('trends.web.since.none', { from, to })}
        </p>
      ) : (
        <>
          <ul className="since-list" data-testid="since-last-year">
            {changes.slice(0, SHOWN).map(item)}
          </ul>
          {changes.length > SHOWN && (
            <details className="table-details">
              <summary>{t('trends.web.since.more', { n: changes.length - SHOWN })}</summary>
              <ul className="since-list" data-testid="since-last-year-more">
                {changes.slice(SHOWN).map((c, i) => item(c, i + SHOWN))}
              </ul>
            </details>
          )}
        </>
      )}
    </Card>
  );
}
