// Every message that carries a count, written with 0, 1 and 2 in both languages: French says
// "0 ligne", "1 ligne", "2 lignes"; English "0 rows", "1 row", "2 rows". The table below must
// name every message with a plural choice, so that a new one cannot skip this test.
import { describe, expect, it } from 'vitest';
import { NNBSP } from '../../src/i18n/format.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import {
  argumentsOf,
  formatParts,
  MessageSyntaxError,
  parseMessage,
  pluralArgumentsOf,
} from '../../src/i18n/message-format.ts';
import { fr } from '../../src/i18n/messages/fr.ts';
import type { MessageKey, MessageParams } from '../../src/i18n/translate.ts';
import { DICTIONARIES, t } from '../../src/i18n/translate.ts';

/** What a count-bearing message must say for n = 0, 1, 2 (a part of the message is enough). */
interface Case {
  params: (n: number) => MessageParams;
  fr: [string, string, string];
  en: [string, string, string];
}

const n = (count: number): MessageParams => ({ n: count });
const sp = (text: string): string => text.replace(/ ([:;?!%»])/g, `${NNBSP}$1`);

const CASES: Partial<Record<MessageKey, Case>> = {
  'cli.bundle.export.contents': {
    params: (count) => ({ machines: count, histograms: count, answers: count, values: 'V' }),
    fr: [
      '0 machine (indicateurs), 0 histogramme de V valeurs mises en classes, 0 réponse à l’enquête',
      '1 machine (indicateurs), 1 histogramme de V valeurs mises en classes, 1 réponse à l’enquête',
      '2 machines (indicateurs), 2 histogrammes de V valeurs mises en classes, 2 réponses à l’enquête',
    ],
    en: [
      '0 machines (indicators), 0 histograms of V binned values, 0 survey answers',
      '1 machine (indicators), 1 histogram of V binned values, 1 survey answer',
      '2 machines (indicators), 2 histograms of V binned values, 2 survey answers',
    ],
  },
  'cli.bundle.export.invalid': {
    params: (count) => ({ n: count, first: 'X' }),
    fr: ['(0 problème)', '(1 problème)', '(2 problèmes)'],
    en: ['(0 problems)', '(1 problem)', '(2 problems)'],
  },
  'trends.web.since.more': {
    params: n,
    fr: ['Voir l’autre changement', 'Voir l’autre changement', 'Voir les 2 autres changements'],
    en: ['Show the 0 other changes', 'Show the other change', 'Show the 2 other changes'],
  },
  'trendChart.peerCount': {
    params: n,
    fr: ['0 pair', '1 pair', '2 pairs'],
    en: ['0 peers', '1 peer', '2 peers'],
  },
  'trendChart.machineCount': {
    params: n,
    fr: ['0 machine', '1 machine', '2 machines'],
    en: ['0 machines', '1 machine', '2 machines'],
  },
  'cli.oncall.sites': {
    params: (count) => ({ n: count, list: 'A' }),
    fr: ['0 site', '1 site', '2 sites'],
    en: ['0 sites', '1 site', '2 sites'],
  },
  'cli.relevance.sites': {
    params: n,
    fr: ['0 site', '1 site', '2 sites'],
    en: ['0 sites', '1 site', '2 sites'],
  },
  'cli.relevance.territories.department': {
    params: n,
    fr: ['0 département', '1 département', '2 départements'],
    en: ['0 départements', '1 département', '2 départements'],
  },
  'cli.relevance.territories.region': {
    params: n,
    fr: ['0 région', '1 région', '2 régions'],
    en: ['0 regions', '1 region', '2 regions'],
  },
  'cli.relevance.peers.sites': {
    params: (count) => ({ n: count, p20: 'a', p50: 'b', p80: 'c' }),
    fr: ['IRM, 0 site)', 'IRM, 1 site)', 'IRM, 2 sites)'],
    en: ['MRI, 0 sites)', 'MRI, 1 site)', 'MRI, 2 sites)'],
  },
  'cli.relevance.peers.territories': {
    params: (count) => ({ n: count, p20: 'a', p50: 'b', p80: 'c' }),
    fr: ['(0 territoire)', '(1 territoire)', '(2 territoires)'],
    en: ['(0 territories)', '(1 territory)', '(2 territories)'],
  },
  'cli.relevance.note.unknown-machine-exams': {
    params: n,
    fr: [
      '0 examen sur une machine inconnue est laissé',
      '1 examen sur une machine inconnue est laissé',
      '2 examens sur des machines inconnues sont laissés',
    ],
    en: [
      '0 exams on unknown machines are left',
      '1 exam on an unknown machine is left',
      '2 exams on unknown machines are left',
    ],
  },
  'cli.relevance.note.sites-without-territory': {
    params: n,
    fr: [
      '0 site sans département reconnu n’est compté',
      '1 site sans département reconnu n’est compté',
      '2 sites sans département reconnu ne sont comptés',
    ],
    en: [
      '0 sites without a known département are',
      '1 site without a known département is',
      '2 sites without a known département are',
    ],
  },
  'simulation.note.delays-outside-sessions': {
    params: n,
    fr: [
      '0 examen externe ou hospitalisé avec date de demande a eu lieu',
      '1 examen externe ou hospitalisé avec date de demande a eu lieu',
      '2 examens externes ou hospitalisés avec date de demande ont eu lieu',
    ],
    en: [
      '0 outpatient or inpatient exams with a request time were done',
      '1 outpatient or inpatient exam with a request time was done',
      '2 outpatient or inpatient exams with a request time were done',
    ],
  },
  'simulation.note.few-outpatient-delays': {
    params: (count) => ({ n: count, min: 20 }),
    fr: ['sur 0 examen seulement', 'sur 1 examen seulement', 'sur 2 examens seulement'],
    en: ['on only 0 exams', 'on only 1 exam', 'on only 2 exams'],
  },
  'simulation.note.few-inpatient-delays': {
    params: (count) => ({ n: count, min: 20 }),
    fr: ['sur 0 examen seulement', 'sur 1 examen seulement', 'sur 2 examens seulement'],
    en: ['on only 0 exams', 'on only 1 exam', 'on only 2 exams'],
  },
  'simulation.note.partial-week': {
    params: (days) => ({ days, gridWeeks: 4 }),
    fr: ['dure 0 jour', 'dure 1 jour', 'dure 2 jours'],
    en: ['lasts 0 days', 'lasts 1 day', 'lasts 2 days'],
  },
  'simulation.note.scenario-extend-clipped': {
    params: (days) => ({ change: 1, equipment: 'E', minutes: 30, days }),
    fr: ['(0 jour)', '(1 jour)', '(2 jours)'],
    en: ['(0 days)', '(1 day)', '(2 days)'],
  },
  'simulation.note.scenario-session-overlap': {
    params: (days) => ({ change: 1, equipment: 'E', minutes: 30, days }),
    fr: ['(0 jour)', '(1 jour)', '(2 jours)'],
    en: ['(0 days)', '(1 day)', '(2 days)'],
  },
  'scenarios.web.durations.heldOut': {
    params: (exams) => ({
      from: 'A',
      to: 'B',
      exams,
      model: 'm',
      bookedExams: 5,
      modelOnBooked: 'x',
      booked: 'b',
      coverage: 'c',
    }),
    fr: ['(0 examen)', '(1 examen)', '(2 examens)'],
    en: ['(0 exams)', '(1 exam)', '(2 exams)'],
  },
  'scenarios.web.next.value': {
    params: (count) => ({ machine: 'M', days: 'd', n: count, minutes: 'm' }),
    fr: ['sur 0 jour', 'sur 1 jour', 'sur 2 jours'],
    en: ['over 0 days', 'over 1 day', 'over 2 days'],
  },
  'cli.references.refused': {
    params: (count) => ({ place: 'F', errors: count }),
    fr: [sp('F : 0 erreur'), sp('F : 1 erreur'), sp('F : 2 erreurs')],
    en: ['F: 0 errors', 'F: 1 error', 'F: 2 errors'],
  },
  'cli.references.loaded': {
    params: (count) => ({
      place: 'F',
      n: count,
      store: 'S',
      added: count,
      replaced: count,
      unchanged: count,
    }),
    fr: [
      sp('F : 0 chiffre enregistré'),
      sp('F : 1 chiffre enregistré'),
      sp('F : 2 chiffres enregistrés'),
    ],
    en: ['F: 0 figures', 'F: 1 figure', 'F: 2 figures'],
  },
  'territories.unit.machines': {
    params: n,
    fr: ['0 appareil', '1 appareil', '2 appareils'],
    en: ['0 units', '1 unit', '2 units'],
  },
  'cli.territories.title': {
    params: (days) => ({ id: 'I', name: 'N', start: 'S', days }),
    fr: ['S, 0 jour', 'S, 1 jour', 'S, 2 jours'],
    en: ['S, 0 days', 'S, 1 day', 'S, 2 days'],
  },
  'cli.territories.unplaced': {
    params: (count) => ({ sites: count, machines: count }),
    fr: [
      '0 site de la campagne n’a pas de département (0 appareil)',
      '1 site de la campagne n’a pas de département (1 appareil)',
      '2 sites de la campagne n’ont pas de département (2 appareils)',
    ],
    en: [
      '0 campaign sites have no département (0 units)',
      '1 campaign site has no département (1 unit)',
      '2 campaign sites have no département (2 units)',
    ],
  },
  'territories.national.complete': {
    params: (sites) => ({ share: '30 %', sites }),
    fr: ['des 0 site.', 'des 1 site.', 'des 2 sites.'],
    en: ['of 0 sites.', 'of 1 site.', 'of 2 sites.'],
  },
  'territories.years': {
    params: n,
    fr: ['0 an', '1 an', '2 ans'],
    en: ['0 years', '1 year', '2 years'],
  },
  'common.machines': {
    params: n,
    fr: ['0 machine', '1 machine', '2 machines'],
    en: ['0 machines', '1 machine', '2 machines'],
  },
  'common.exams': {
    params: n,
    fr: ['0 examen', '1 examen', '2 examens'],
    en: ['0 exams', '1 exam', '2 exams'],
  },
  'common.establishments': {
    params: n,
    fr: ['0 établissement', '1 établissement', '2 établissements'],
    en: ['0 establishments', '1 establishment', '2 establishments'],
  },
  'bundles.web.sites': {
    params: n,
    fr: [
      'dont 0 établissement en agrégats signés',
      'dont 1 établissement en agrégats signés',
      'dont 2 établissements en agrégats signés',
    ],
    en: [
      '0 establishments as signed aggregates',
      '1 establishment as signed aggregates',
      '2 establishments as signed aggregates',
    ],
  },
  'common.ct': {
    params: n,
    fr: ['0 scanner', '1 scanner', '2 scanners'],
    en: ['0 CT', '1 CT', '2 CT'],
  },
  'common.mr': { params: n, fr: ['0 IRM', '1 IRM', '2 IRM'], en: ['0 MRI', '1 MRI', '2 MRI'] },
  'common.period': {
    params: (days) => ({ start: 'X', days }),
    fr: ['du X, 0 jour', 'du X, 1 jour', 'du X, 2 jours'],
    en: ['from X, 0 days', 'from X, 1 day', 'from X, 2 days'],
  },
  'table.rows': {
    params: n,
    fr: ['0 ligne', '1 ligne', '2 lignes'],
    en: ['0 rows', '1 row', '2 rows'],
  },
  'table.showAll': {
    params: n,
    fr: [
      'Afficher toutes les lignes (0)',
      'Afficher toutes les lignes (1)',
      'Afficher toutes les lignes (2)',
    ],
    en: ['Show all rows (0)', 'Show all rows (1)', 'Show all rows (2)'],
  },
  'campaign.section': {
    params: (count) => ({ modality: 'M', n: count, included: count }),
    fr: [
      'M — 0 machine, dont 0 retenue pour l’occupation',
      'M — 1 machine, dont 1 retenue pour l’occupation',
      'M — 2 machines, dont 2 retenues pour l’occupation',
    ],
    en: [
      'M — 0 machines, 0 kept for occupancy',
      'M — 1 machine, 1 kept for occupancy',
      'M — 2 machines, 2 kept for occupancy',
    ],
  },
  'chart.binTooltip': {
    params: (count) => ({ from: 'a', to: 'b', n: count }),
    fr: [sp('a à b : 0 machine'), sp('a à b : 1 machine'), sp('a à b : 2 machines')],
    en: ['a to b: 0 machines', 'a to b: 1 machine', 'a to b: 2 machines'],
  },
  'chart.ariaHistogram': {
    params: (count) => ({ figure: 'F', n: count, p20: 'a', p50: 'b', p80: 'c' }),
    fr: ['sur 0 machine', 'sur 1 machine', 'sur 2 machines'],
    en: ['over 0 machines', 'over 1 machine', 'over 2 machines'],
  },
  'chart.ariaBubble': {
    params: n,
    fr: ['Nuage de 0 machine', 'Nuage de 1 machine', 'Nuage de 2 machines'],
    en: ['Scatter of 0 machines', 'Scatter of 1 machine', 'Scatter of 2 machines'],
  },
  'chart.ariaOpenings': {
    params: n,
    fr: ['de 0 machine,', 'de 1 machine,', 'de 2 machines,'],
    en: ['of 0 machines,', 'of 1 machine,', 'of 2 machines,'],
  },
  'chart.ariaPosition': {
    params: n,
    fr: ['pour 0 indicateur.', 'pour 1 indicateur.', 'pour 2 indicateurs.'],
    en: ['for 0 indicators.', 'for 1 indicator.', 'for 2 indicators.'],
  },
  'chart.noneIncluded': {
    params: n,
    fr: [
      'la sélection ne compte aucune machine 95',
      'la machine de la sélection n’a pas 95',
      'aucune des 2 machines de la sélection n’a 95',
    ],
    en: [
      'the selection holds no machine 95',
      'the selected machine does not have 95',
      'none of the 2 selected machines has 95',
    ],
  },
  'establishments.count': {
    params: n,
    fr: ['0 établissement', '1 établissement', '2 établissements'],
    en: ['0 establishments', '1 establishment', '2 establishments'],
  },
  'establishment.peerCount': {
    params: n,
    fr: ['Comparée à 0 machine', 'Comparée à 1 machine', 'Comparée à 2 machines'],
    en: ['Compared with 0 machines', 'Compared with 1 machine', 'Compared with 2 machines'],
  },
  'lead.lateStartMinutes.explain': {
    params: (count) => ({ n: count, p50: 'a', p80: 'b', hours: 'c' }),
    fr: ['Sur 0 vacation,', 'Sur 1 vacation,', 'Sur 2 vacations,'],
    en: ['Over 0 sessions,', 'Over 1 session,', 'Over 2 sessions,'],
  },
  'lead.earlyEndMinutes.explain': {
    params: (count) => ({ n: count, p50: 'a', p80: 'b', hours: 'c' }),
    fr: ['Sur 0 vacation,', 'Sur 1 vacation,', 'Sur 2 vacations,'],
    en: ['Over 0 sessions,', 'Over 1 session,', 'Over 2 sessions,'],
  },
  'lead.turnoverGapMinutes.explain': {
    params: (count) => ({ n: count, p50: 'a', p80: 'b', hours: 'c' }),
    fr: ['(0 intervalle)', '(1 intervalle)', '(2 intervalles)'],
    en: ['(0 gaps)', '(1 gap)', '(2 gaps)'],
  },
  'lead.overrunMinutes.explain': {
    params: (count) => ({ n: count, p50: 'a', p80: 'b', hours: 'c' }),
    fr: [
      'Sur 0 examen dont la durée programmée est connue,',
      'Sur 1 examen dont la durée programmée est connue,',
      'Sur 2 examens dont la durée programmée est connue,',
    ],
    en: [
      'Over 0 exams with a booked duration,',
      'Over 1 exam with a booked duration,',
      'Over 2 exams with a booked duration,',
    ],
  },
  'quality.issueCounts': {
    params: (count) => ({ error: count, warning: count, info: count }),
    fr: [
      '0 erreur, 0 avertissement, 0 information',
      '1 erreur, 1 avertissement, 1 information',
      '2 erreurs, 2 avertissements, 2 informations',
    ],
    en: [
      '0 errors, 0 warnings, 0 notes',
      '1 error, 1 warning, 1 note',
      '2 errors, 2 warnings, 2 notes',
    ],
  },
  'upload.selected': {
    params: (count) => ({ n: count, names: 'x' }),
    fr: [sp('0 fichier prêt : x'), sp('1 fichier prêt : x'), sp('2 fichiers prêts : x')],
    en: ['0 files ready: x', '1 file ready: x', '2 files ready: x'],
  },
  'upload.rejected.body': {
    params: (count) => ({ errors: count, others: count }),
    fr: [
      'puis renvoyez le kit.',
      '1 erreur à corriger, située par fichier, ligne et colonne. Corrigez-la puis renvoyez le kit. La liste donne aussi 1 avertissement ou information, qui ne bloque pas l’import.',
      '2 erreurs à corriger, chacune située par fichier, ligne et colonne. Corrigez-les puis renvoyez le kit. La liste donne aussi 2 avertissements ou informations, qui ne bloquent pas l’import.',
    ],
    en: [
      '0 errors to fix, each located',
      '1 error to fix, located by file, line and column. Fix it, then send the kit again. The list also holds 1 warning or note, which does not block the import.',
      '2 errors to fix, each located by file, line and column. Fix them, then send the kit again. The list also holds 2 warnings or notes, which do not block the import.',
    ],
  },
  'upload.done.changes': {
    params: (count) => ({ added: count, changed: count, removed: count }),
    fr: [
      'Par rapport à la campagne déjà enregistrée\u202f: 0 ligne ajoutée, 0 modifiée, 0 supprimée.',
      'Par rapport à la campagne déjà enregistrée\u202f: 1 ligne ajoutée, 1 modifiée, 1 supprimée.',
      'Par rapport à la campagne déjà enregistrée\u202f: 2 lignes ajoutées, 2 modifiées, 2 supprimées.',
    ],
    en: [
      'Against the campaign already stored: 0 rows added, 0 changed, 0 removed.',
      'Against the campaign already stored: 1 row added, 1 changed, 1 removed.',
      'Against the campaign already stored: 2 rows added, 2 changed, 2 removed.',
    ],
  },
  'upload.done.body': {
    params: (count) => ({ exams: count, machines: count, establishments: count }),
    fr: [
      '0 examen, 0 machine, 0 établissement.',
      '1 examen, 1 machine, 1 établissement.',
      '2 examens, 2 machines, 2 établissements.',
    ],
    en: [
      '0 exams, 0 machines, 0 establishments.',
      '1 exam, 1 machine, 1 establishment.',
      '2 exams, 2 machines, 2 establishments.',
    ],
  },
  'upload.warnings': {
    params: n,
    fr: ['(0)', '(1)', '(2)'],
    en: ['(0)', '(1)', '(2)'],
  },
  'cli.issues.moreWarnings': {
    params: n,
    fr: [
      '0 autre avertissement non affiché',
      '1 autre avertissement non affiché',
      '2 autres avertissements non affichés',
    ],
    en: ['0 more warnings', '1 more warning', '2 more warnings'],
  },
  'cli.issues.moreErrors': {
    params: n,
    fr: [
      '0 autre erreur non affichée',
      '1 autre erreur non affichée',
      '2 autres erreurs non affichées',
    ],
    en: ['0 more errors', '1 more error', '2 more errors'],
  },
  'cli.issues.totals': {
    params: (count) => ({ error: count, warning: count, shown: 5 }),
    fr: [
      '0 erreur et 0 avertissement',
      '1 erreur et 1 avertissement',
      '2 erreurs et 2 avertissements',
    ],
    en: ['0 errors and 0 warnings', '1 error and 1 warning', '2 errors and 2 warnings'],
  },
  'cli.kit.refused': {
    params: (count) => ({ place: 'kit', errors: count }),
    fr: ['0 erreur dans le kit', '1 erreur dans le kit', '2 erreurs dans le kit'],
    en: ['0 errors in the kit', '1 error in the kit', '2 errors in the kit'],
  },
  'cli.workbook.refused': {
    params: (count) => ({ place: 'kit.xlsx', errors: count }),
    fr: ['0 erreur dans le classeur', '1 erreur dans le classeur', '2 erreurs dans le classeur'],
    en: ['0 errors in the workbook', '1 error in the workbook', '2 errors in the workbook'],
  },
};

/**
 * Parameters that are counts, whatever the message: a message using one must choose its words
 * by it (or be in CASES, where its invariant wording is checked).
 */
const COUNT_NAMES = new Set([
  'n',
  'days',
  'included',
  'error',
  'warning',
  'info',
  'errors',
  'others',
  'exams',
  'machines',
  'establishments',
]);

/** Messages with a count-named parameter that is not a quantity (a week's number). */
// `machines` of scenarios.web.pool is the list of the pooled machines' names, not a count.
const NOT_QUANTITIES = new Set<MessageKey>([
  'week.option',
  'scenarios.web.pool',
  // the change's rank in the form (an ordinal: "Change 2"), not a count
  'scenarios.web.form.changeN',
  'scenarios.web.form.removeAria',
]);

const KEYS = Object.keys(fr) as MessageKey[];

describe('count-bearing messages', () => {
  for (const [key, c] of Object.entries(CASES) as [MessageKey, Case][]) {
    for (const lang of ['fr', 'en'] as const) {
      it(`${key} in ${lang} with 0, 1 and 2`, () => {
        [0, 1, 2].forEach((count, i) => {
          const text = t(lang, key, c.params(count));
          expect(text, `${key} ${lang} n=${count}`).toContain(c[lang][i]);
          expect(text).not.toMatch(/[{}#]/);
        });
        if (lang === 'fr' && !fr[key].includes('=0')) {
          // French singular for 0 and 1: the two differ only by the digit.
          expect(t('fr', key, c.params(0)).replace(/\b0\b/g, '1')).toBe(t('fr', key, c.params(1)));
        }
      });
    }
  }

  it('are all in the table above', () => {
    const plural = KEYS.filter((key) =>
      (['fr', 'en'] as Lang[]).some(
        (lang) => pluralArgumentsOf(parseMessage(DICTIONARIES[lang][key])).length > 0,
      ),
    );
    expect(plural.filter((key) => !(key in CASES))).toEqual([]);
  });

  it('choose their words by every count they carry, or are checked as invariant', () => {
    for (const key of KEYS) {
      if (NOT_QUANTITIES.has(key)) continue;
      for (const lang of ['fr', 'en'] as Lang[]) {
        const parts = parseMessage(DICTIONARIES[lang][key]);
        const plural = new Set(pluralArgumentsOf(parts));
        const counts = argumentsOf(parts).filter((name) => COUNT_NAMES.has(name));
        for (const name of counts) {
          if (!plural.has(name))
            expect(key in CASES, `${lang} ${key}: {${name}} is a count without plural forms`).toBe(
              true,
            );
        }
      }
    }
  });
});

describe('the message syntax', () => {
  const show = (v: string | number): string => String(v);

  it('parses every message of both dictionaries, with an "other" form to each choice', () => {
    for (const lang of ['fr', 'en'] as Lang[]) {
      for (const key of KEYS)
        expect(() => parseMessage(DICTIONARIES[lang][key]), key).not.toThrow();
    }
  });

  it('refuses malformed messages', () => {
    expect(() => parseMessage('{n, plural, one {x}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{n, plural, one {x} other {y}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('a } b')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{n, select, a {x}}')).toThrow(MessageSyntaxError);
  });

  it('prefers an exact form, falls back on "other", and nests parameters in forms', () => {
    const parts = parseMessage('{n, plural, =0 {none} one {# item: {name}} other {# items}}');
    expect(formatParts(parts, 'en', { n: 0, name: 'x' }, show)).toBe('none');
    expect(formatParts(parts, 'en', { n: 1, name: 'x' }, show)).toBe('1 item: x');
    expect(formatParts(parts, 'fr', { n: 1.5, name: 'x' }, show)).toBe('1.5 item: x');
    expect(formatParts(parts, 'fr', { n: 1_000_000 }, show)).toBe('1000000 items');
    expect(argumentsOf(parts)).toEqual(['n', 'name']);
  });

  it('leaves a choice whose count is missing as written, and shows null as a dash', () => {
    const text = '{n, plural, one {# row} other {# rows}}';
    expect(formatParts(parseMessage(text), 'en', {}, show)).toBe(text);
    expect(formatParts(parseMessage(text), 'en', { n: null }, show)).toBe('— rows');
    expect(formatParts(parseMessage('a # b'), 'en', {}, show)).toBe('a # b');
  });
});
