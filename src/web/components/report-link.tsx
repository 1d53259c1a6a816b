/**
 * A link that downloads a PDF report (site fiche, regional or national synthesis) from the API,
 * in the page's language. The server prints it with Chromium: a few seconds the first time.
 */
import type { ReactNode } from 'react';
import { useLang, useT } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { can, canRegionPdf } from '../lib/permissions.ts';
import { useSessionUser } from '../lib/use-session.ts';

export type ReportTarget =
  | { kind: 'site'; finess: string; peers: string }
  | { kind: 'region'; region: string }
  | { kind: 'national' };

/** The download link of one report of campaign `campaignId` (none when the user's role may not have it). */
export function ReportLink({
  campaignId,
  target,
}: {
  campaignId: string;
  target: ReportTarget;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const user = useSessionUser();
  const allowed =
    target.kind === 'national'
      ? can(user, 'nationalPdf')
      : target.kind === 'region'
        ? canRegionPdf(user, target.region)
        : true;
  if (!allowed) return null;
  const href =
    target.kind === 'site'
      ? api.reportSite(campaignId, target.finess, lang, target.peers)
      : target.kind === 'region'
        ? api.reportRegion(campaignId, target.region, lang)
        : api.reportNational(campaignId, lang);
  const label =
    target.kind === 'site'
      ? t('report.site')
      : target.kind === 'region'
        ? t('report.region')
        : t('report.national');
  return (
    <p className="report-link">
      <a className="button button-small" href={href} download data-testid="report-download">
        {label}
      </a>
      <span className="muted small">{t('report.note')}</span>
    </p>
  );
}
