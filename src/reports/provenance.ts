/**
 * Provenance words of the planning sections (measured, input, reference, illustrative), shared
 * by the site fiche and the syntheses: a word beside each figure, and for "illustrative" a badge
 * that cannot be missed (the CSS is in `document.ts`).
 */
import type { Lang } from '../i18n/index.ts';
import type { Html } from './html.ts';
import { html } from './html.ts';
import { rt } from './messages/index.ts';

/** Where a figure of the planning sections comes from. */
export type PlanningProvenance = 'measured' | 'input' | 'reference' | 'illustrative';

/** The "Illustratif" / "Illustrative" badge. */
export function illustrativeBadge(lang: Lang): Html {
  return html`<span class="badge badge-illustrative">${rt(lang, 'plan.badge.illustrative')}</span>`;
}

/** A provenance as a word, the illustrative one as a badge. */
export function provenanceLabel(p: PlanningProvenance, lang: Lang): Html {
  return p === 'illustrative' ? illustrativeBadge(lang) : html`${rt(lang, `plan.prov.${p}`)}`;
}
