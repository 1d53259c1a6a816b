/**
 * What the planning screens share (issue 14): provenance words, the on-call page's territory and
 * settings in the address (checked here, once, as the API takes them), the notes of the pooling
 * document worded from their codes and raw parameters, and the PDS demand per département.
 */
import type { Modality } from '../../core/kit-types.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import { t } from '../../i18n/translate.ts';
import type { OncallDocument, OncallNote } from '../../plan/oncall/document.ts';
import { ONCALL_SETTING_PARAMS } from '../../plan/oncall/document.ts';
import type { QueryValues } from './paths.ts';

/** Every provenance a planning figure can carry (oncall's and costs'). */
export type PlanningProvenance = 'measured' | 'input' | 'reference' | 'illustrative';

/** A provenance in words: "mesuré", "declared (input)". */
export function provenanceText(provenance: PlanningProvenance, lang: Lang): string {
  return t(lang, `planning.web.provenance.${provenance}`);
}

/** A column's label with its provenance: "Coût / an (€) (illustratif)". */
export function withProvenance(label: string, provenance: PlanningProvenance, lang: Lang): string {
  return t(lang, 'planning.web.withProvenance', {
    label,
    provenance: provenanceText(provenance, lang),
  });
}

/** The territory of the on-call page: a département or a region (INSEE code or name). */
export type OncallPlace = { kind: 'department' | 'region'; code: string };

/** The settings the page's form writes to the address, as the API names them. */
export const ONCALL_SETTING_KEYS = ONCALL_SETTING_PARAMS;
export type OncallSettingKey = (typeof ONCALL_SETTING_KEYS)[number];
export type OncallSettings = Partial<Record<OncallSettingKey, string>>;

/** The place and settings an address of the on-call page names (`null` place: none or both). */
export function oncallQueryOf(search: URLSearchParams): {
  place: OncallPlace | null;
  settings: OncallSettings;
} {
  const department = search.get('department')?.trim() ?? '';
  const region = search.get('region')?.trim() ?? '';
  const place: OncallPlace | null =
    department !== '' && region === ''
      ? { kind: 'department', code: department }
      : region !== '' && department === ''
        ? { kind: 'region', code: region }
        : null;
  const settings: OncallSettings = {};
  for (const key of ONCALL_SETTING_KEYS) {
    const value = search.get(key)?.trim();
    if (value) settings[key] = value;
  }
  return { place, settings };
}

/** The query of the page (and of the API): the place, then the settings given. */
export function oncallQuery(place: OncallPlace, settings: OncallSettings): QueryValues {
  return { [place.kind]: place.code, ...settings };
}

/** The form's fields, as typed (target share in percent, decimals with a comma or a point). */
export interface OncallForm {
  readingCT: string;
  readingMR: string;
  reading: 'fixed' | 'exponential';
  targetMinutes: string;
  targetSharePercent: string;
  hourlyRate: string;
  holidays: string;
}

/** The form's fields from the document's model (what the API used). */
export function formOf(model: OncallDocument['model'], lang: Lang): OncallForm {
  const num = (v: number): string => (lang === 'fr' ? String(v).replace('.', ',') : String(v));
  return {
    readingCT: num(model.readingMinutes.CT),
    readingMR: num(model.readingMinutes.MR),
    reading: model.distribution === 'deterministic' ? 'fixed' : 'exponential',
    targetMinutes: num(model.targetMinutes),
    targetSharePercent: num(Math.round(model.targetShare * 1000) / 10),
    hourlyRate: model.hourlyRate === null ? '' : num(model.hourlyRate),
    holidays: model.holidays.join(', '),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function numberOf(text: string): number | null {
  const v = text.trim().replace(/\s/g, '').replace(',', '.');
  if (v === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
  return Number(v);
}

/**
 * The settings of a filled form, as the API takes them, or the first field that does not fit
 * (its name in `OncallForm` and the text typed). An empty hourly rate or holiday list is left out.
 *
 * @example
 * settingsOfForm({ ...form, targetSharePercent: '85' }); // { ok: true, settings: { …, targetShare: '0.85' } }
 */
export function settingsOfForm(
  form: OncallForm,
): { ok: true; settings: OncallSettings } | { ok: false; field: keyof OncallForm; value: string } {
  const settings: OncallSettings = {};
  const positive = (field: keyof OncallForm, key: OncallSettingKey): boolean => {
    const v = numberOf(form[field]);
    if (v === null || !(v > 0)) return false;
    settings[key] = String(v);
    return true;
  };
  if (!positive('readingCT', 'readingCT'))
    return { ok: false, field: 'readingCT', value: form.readingCT };
  if (!positive('readingMR', 'readingMR'))
    return { ok: false, field: 'readingMR', value: form.readingMR };
  settings.reading = form.reading;
  if (!positive('targetMinutes', 'targetMinutes'))
    return { ok: false, field: 'targetMinutes', value: form.targetMinutes };
  const share = numberOf(form.targetSharePercent);
  if (share === null || !(share > 0 && share < 100))
    return { ok: false, field: 'targetSharePercent', value: form.targetSharePercent };
  settings.targetShare = String(Math.round(share * 10) / 1000);
  if (form.hourlyRate.trim() !== '') {
    const rate = numberOf(form.hourlyRate);
    if (rate === null || rate < 0)
      return { ok: false, field: 'hourlyRate', value: form.hourlyRate };
    settings.hourlyRate = String(rate);
  }
  const days = form.holidays
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const bad = days.find((d) => !DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
  if (bad !== undefined) return { ok: false, field: 'holidays', value: bad };
  if (days.length > 0) settings.holidays = [...new Set(days)].sort().join(',');
  return { ok: true, settings };
}

/** A note of the pooling document in words (parameters formatted in `lang`). */
export function oncallNoteText(note: OncallNote, lang: Lang): string {
  const p = note.params;
  switch (note.code) {
    case 'unreachable':
      return t(lang, 'planning.web.oncall.note.unreachable', { max: String(p['max'] ?? '') });
    case 'readingCeiling':
      return t(lang, 'planning.web.oncall.note.readingCeiling', {
        share: formatPercent(Number(p['share']), lang, 0),
        modality: modalityLabel(String(p['modality']) as Modality, lang),
        targetMinutes: formatNumber(Number(p['targetMinutes']), lang, 1),
        minutes: formatNumber(Number(p['minutes']), lang, 1),
      });
    default:
      return t(lang, `planning.web.oncall.note.${note.code}`);
  }
}

/** PDS exams per week (nights and weekends) of each département that has sites in the document. */
export function demandByDepartment(doc: OncallDocument): Map<string, number> {
  const departmentOf = new Map(doc.sites.map((s) => [s.finess, s.department]));
  const out = new Map<string, number>();
  // A département with sites but no PDS exam is 0, not unknown.
  for (const site of doc.sites) if (site.department !== null) out.set(site.department, 0);
  for (const row of doc.demand.rows) {
    const department = departmentOf.get(row.site);
    if (department === null || department === undefined) continue;
    out.set(department, (out.get(department) ?? 0) + row.perWeek.night + row.perWeek.weekend);
  }
  return out;
}
