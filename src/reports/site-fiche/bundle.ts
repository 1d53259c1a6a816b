/**
 * The site fiche's notice for a site that came as a signed bundle of aggregates (issue 16): where
 * its figures come from (the signing key and the bundle's date), and which exam-level parts the
 * fiche leaves out, and why.
 */
import { formatDateTime } from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import { definitionList, joinHtml, note, paragraph, section } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';

/** The stored facts of a site's bundle (`bundle_sites`): its signing key and when it was made. */
export interface SiteBundleOrigin {
  /** First 16 hex digits of the SHA-256 of the public key's SPKI DER encoding. */
  keyId: string;
  /** ISO instant the bundle was made at the site. */
  createdAt: string;
}

/**
 * The notice section of a bundle site's fiche; `origin` null when the bundle's facts were not
 * read (the fiche still says the site came as a bundle).
 */
export function bundleSection(ctx: FicheContext, origin: SiteBundleOrigin | null): ReportSection {
  const { lang } = ctx;
  const unknown = rt(lang, 'site.bundle.unknown');
  const body = joinHtml([
    paragraph(rt(lang, 'site.bundle.text')),
    definitionList([
      [rt(lang, 'site.bundle.key'), origin?.keyId ?? unknown],
      [
        rt(lang, 'site.bundle.createdAt'),
        origin ? formatDateTime(origin.createdAt, lang, ctx.index.ref.timeZone) : unknown,
      ],
    ]),
    note(rt(lang, 'site.bundle.skipped')),
  ]);
  return section({ id: 'bundle', title: rt(lang, 'site.bundle.title'), level: 1, body });
}
