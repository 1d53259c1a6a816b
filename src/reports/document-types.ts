/**
 * A report before it is printed: a title page and numbered sections of HTML, built by the site
 * fiche and the syntheses, laid out for A4 by `document.ts` and printed to PDF by `pdf.ts`.
 */
import type { CampaignRef } from '../core/views/types.ts';
import type { Lang } from '../i18n/index.ts';

/** Which report: one establishment's fiche, a region's synthesis or the national one. */
export type ReportKind = 'site' | 'region' | 'national';

/** One section: its anchor, title and body. `html` is built by the report helpers, escaped. */
export interface ReportSection {
  /** Anchor id, unique in the document (`[a-z0-9-]+`). */
  id: string;
  title: string;
  /** 1 = chapter (starts a new page in the synthesis), 2 = sub-section. */
  level: 1 | 2;
  html: string;
}

/** A whole report in one language. */
export interface ReportDocument {
  kind: ReportKind;
  lang: Lang;
  campaign: CampaignRef;
  /** e.g. "Fiche établissement — CHU de Lille" / "Synthèse nationale". */
  title: string;
  /** One line under the title: the campaign, its period, the panel. */
  subtitle: string;
  sections: ReportSection[];
  /** Print a table of contents with page numbers after the title. */
  toc: boolean;
}
