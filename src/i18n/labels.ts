/**
 * Names of the domain's codes in the reader's language: modalities (CT = "Scanner", MR = "IRM"),
 * patient categories, session types, legal statuses, typologies, clinical cases, the figures
 * of the benchmark and the improvement leads. Codes the dictionaries do not know (a region, a
 * figure added later) are shown as they are rather than hidden.
 */
import type { Category, Modality, SessionType } from '../core/kit-types.ts';
import type { Leads, PatientType, Typology } from '../core/indicators/types.ts';
import type { Severity } from '../core/issues.ts';
import type { OccupancyExclusionCode } from '../core/views/types.ts';
import type { FigureUnit } from './format.ts';
import { formatPercent } from './format.ts';
import type { Lang } from './lang.ts';
import { isMessageKey, t } from './translate.ts';

const lookup = (lang: Lang, key: string, fallback: string): string =>
  isMessageKey(key) ? t(lang, key) : fallback;

/** "Scanner" / "IRM" in French, "CT" / "MRI" in English. */
export function modalityLabel(modality: Modality, lang: Lang): string {
  return t(lang, `modality.${modality}`);
}

/** "Ambulatoire (A)" … "Urgences du SU (U)". */
export function categoryLabel(category: Category, lang: Lang): string {
  return t(lang, `category.${category}`);
}

/** The report's name of a session (vacation) type, e.g. "Vacation urgence". */
export function sessionTypeLabel(type: SessionType, lang: Lang): string {
  return t(lang, `session.${type}`);
}

/** A legal status code (`CHU_APHP` → "CHU AP-HP"); unknown codes as given. */
export function legalStatusLabel(status: string | null, lang: Lang): string {
  if (status === null) return '—';
  return lookup(lang, `legalStatus.${status}`, status);
}

/** "Dédié aux urgences" / "Centré sur le programmé". */
export function typologyLabel(typology: Typology, lang: Lang): string {
  return t(lang, `typology.${typology}`);
}

/** "Ambulatoire", "Hospitalisé", "Urgences". */
export function patientLabel(patient: PatientType, lang: Lang): string {
  return t(lang, `patient.${patient}`);
}

/** "Forte", "Moyenne", "Faible" night activity. */
export function nightLevelLabel(level: 'strong' | 'moderate' | 'low', lang: Lang): string {
  return t(lang, `night.${level}`);
}

/** A clinical case of the appointment survey, in the report's words; unknown codes as given. */
export function caseLabel(code: string, lang: Lang): string {
  return lookup(lang, `case.${code}`, code);
}

/** A clinical case in a few words, for chart axes ("Genou, homme 35 ans"); unknown codes as given. */
export function caseShortLabel(code: string, lang: Lang): string {
  return lookup(lang, `caseShort.${code}`, code);
}

/** A benchmark figure (`icrPerHour` → "ICR par heure"); unknown keys as given. */
export function figureLabel(key: string, lang: Lang): string {
  return lookup(lang, `figure.${key}`, key);
}

/** An improvement lead ("Démarrage tardif", …). */
export function leadLabel(lead: keyof Leads, lang: Lang): string {
  return t(lang, `lead.${lead}`);
}

/** What a unit measures, for axis titles ("heures par semaine"). */
export function unitLabel(unit: FigureUnit, lang: Lang): string {
  return t(lang, `unit.${unit}`);
}

/**
 * The name of a kind of issue of the kit reader (`missing-column` → "Colonne obligatoire
 * absente"), or `null` for a code plateau does not name: the reader's own message, in English,
 * then says it alone.
 */
export function issueLabel(code: string, lang: Lang): string | null {
  const key = `issue.${code}`;
  return isMessageKey(key) ? t(lang, key) : null;
}

/** "Erreur", "Avertissement", "Information". */
export function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, `severity.${severity}`);
}

/**
 * Why a machine is out of the occupancy distributions, in the reader's language, from the
 * API's `exclusionCode` and the share of its programmed time in sessions occupied above 15 %.
 *
 * @example
 * exclusionText('below-15-percent', 0.69, 'fr');
 * // "seulement 69 % du temps programmé est dans des vacations occupées à plus de 15 % (95 % requis)"
 */
export function exclusionText(
  code: OccupancyExclusionCode | null,
  shareAbove15: number | null,
  lang: Lang,
): string {
  if (code === null) return '—';
  if (code === 'no-programmed-sessions') return t(lang, 'reason.noProgrammed');
  return shareAbove15 === null
    ? t(lang, 'reason.belowRule')
    : t(lang, 'reason.share', { share: formatPercent(shareAbove15, lang) });
}
