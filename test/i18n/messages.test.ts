import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MACHINE_FIGURES } from '../../src/core/benchmark.ts';
import {
  CATEGORIES,
  CLINICAL_CASES,
  LEGAL_STATUSES,
  SESSION_TYPES,
} from '../../src/core/kit-types.ts';
import { NNBSP } from '../../src/i18n/format.ts';
import {
  caseLabel,
  caseShortLabel,
  categoryLabel,
  exclusionText,
  figureLabel,
  issueLabel,
  legalStatusLabel,
  modalityLabel,
  sessionTypeLabel,
  typologyLabel,
} from '../../src/i18n/labels.ts';
import { DEFAULT_LANG, isLang, LANGS } from '../../src/i18n/lang.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { fr } from '../../src/i18n/messages/fr.ts';
import {
  DICTIONARIES,
  frenchSpacing,
  isMessageKey,
  placeholdersOf,
  t,
} from '../../src/i18n/translate.ts';

describe('dictionaries', () => {
  it('give every key in both languages, and nothing more', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('never leave a message empty', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(DICTIONARIES[lang]))
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(fr[key]));
    }
  });

  it('name every figure, session type, category, legal status and clinical case in both languages', () => {
    const keys = [
      ...MACHINE_FIGURES.map((f) => `figure.${f.key}`),
      'figure.programmedPlusEmergencyOpening',
      ...SESSION_TYPES.map((s) => `session.${s}`),
      ...CATEGORIES.map((c) => `category.${c}`),
      ...LEGAL_STATUSES.map((s) => `legalStatus.${s}`),
      ...Object.keys(CLINICAL_CASES).flatMap((c) => [`case.${c}`, `caseShort.${c}`]),
    ];
    for (const key of keys) expect(isMessageKey(key), key).toBe(true);
  });
});

describe('t', () => {
  it('is French by default and English on request', () => {
    expect(DEFAULT_LANG).toBe('fr');
    expect(t('fr', 'nav.regions')).toBe('Régions');
    expect(t('en', 'nav.regions')).toBe('Regions');
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
  });

  it('fills placeholders, formatting numbers in the language', () => {
    expect(t('fr', 'common.exams', { n: 274389 })).toBe(`274${NNBSP}389 examens`);
    expect(t('en', 'common.exams', { n: 274389 })).toBe('274,389 exams');
    expect(t('en', 'error.code', {})).toBe('Code: {code}');
    expect(t('en', 'error.code', { code: null })).toBe('Code: —');
  });

  it('takes the singular form where the language says so', () => {
    expect(t('fr', 'common.machines', { n: 1 })).toBe('1 machine');
    expect(t('fr', 'common.machines', { n: 0 })).toBe('0 machine');
    expect(t('fr', 'common.machines', { n: 2 })).toBe('2 machines');
    expect(t('en', 'common.machines', { n: 1 })).toBe('1 machine');
    expect(t('en', 'common.machines', { n: 0 })).toBe('0 machines');
  });

  it('puts narrow no-break spaces before French high punctuation, not into parameters', () => {
    expect(t('fr', 'error.code', { code: 'a : b' })).toBe(`Code${NNBSP}: a : b`);
    expect(frenchSpacing('« Oui ? » ; non !')).toBe(
      `«${NNBSP}Oui${NNBSP}?${NNBSP}»${NNBSP}; non${NNBSP}!`,
    );
    expect(t('en', 'error.code', { code: 'x' })).toBe('Code: x');
  });
});

describe('labels', () => {
  it('call CT "Scanner" and MR "IRM" in French', () => {
    expect(modalityLabel('CT', 'fr')).toBe('Scanner');
    expect(modalityLabel('MR', 'fr')).toBe('IRM');
    expect(modalityLabel('CT', 'en')).toBe('CT');
    expect(modalityLabel('MR', 'en')).toBe('MRI');
  });

  it('use the report’s words', () => {
    expect(sessionTypeLabel('EMERGENCY', 'fr')).toBe('Vacation urgence');
    expect(sessionTypeLabel('ON_CALL', 'fr')).toBe('Permanence des soins');
    expect(categoryLabel('U', 'fr')).toBe('Urgences du SU (U)');
    expect(figureLabel('icrPerHour', 'fr')).toBe('ICR par heure');
    expect(typologyLabel('emergency-dedicated', 'en')).toBe('Emergency-dedicated');
    expect(legalStatusLabel('CHU_APHP', 'fr')).toBe('CHU AP-HP');
    expect(caseLabel('MR_BRAIN_4F', 'fr')).toContain('fille de 4 ans');
    expect(caseShortLabel('MR_KNEE_35M', 'en')).toBe('Knee, man 35');
  });

  it('show unknown codes as they came', () => {
    expect(figureLabel('someNewFigure', 'fr')).toBe('someNewFigure');
    expect(legalStatusLabel('EHPAD', 'en')).toBe('EHPAD');
    expect(legalStatusLabel(null, 'en')).toBe('—');
    expect(caseLabel('CT_FOOT_20M', 'fr')).toBe('CT_FOOT_20M');
  });

  it('word the exclusion codes of the API', () => {
    expect(exclusionText('no-programmed-sessions', null, 'fr')).toBe('aucune vacation programmée');
    expect(exclusionText('below-15-percent', 0.69, 'fr')).toBe(
      `seulement 69${NNBSP}% du temps programmé est dans des vacations occupées à plus de 15${NNBSP}% (95${NNBSP}% requis)`,
    );
    expect(exclusionText('below-15-percent', 0.346, 'en')).toBe(
      'only 34.6% of programmed time lies in sessions occupied above 15% (95% required)',
    );
    expect(exclusionText('below-15-percent', null, 'en')).toBe(
      'less than 95% of programmed time lies in sessions occupied above 15%',
    );
    expect(exclusionText(null, 0.99, 'fr')).toBe('—');
  });

  it('name the kit reader’s common issues, and no others', () => {
    expect(issueLabel('missing-column', 'fr')).toBe('Colonne obligatoire absente');
    expect(issueLabel('dst-gap', 'en')).toBe('Time that does not exist (clocks went forward)');
    expect(issueLabel('some-future-code', 'fr')).toBeNull();
  });

  it('name only codes the readers (kit and hospital-system sources) and the import really give', () => {
    const src = join(import.meta.dirname, '../../src');
    // The readers, and the import and the CLI's source reading, which add issues of their own.
    const source = ['ingest', 'storage', 'cli']
      .flatMap((folder) =>
        readdirSync(join(src, folder), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => readFileSync(join(src, folder, f), 'utf8')),
      )
      .concat(readFileSync(join(src, 'core/issues.ts'), 'utf8'))
      .join('\n');
    const named = Object.keys(fr).filter((k) => k.startsWith('issue.'));
    expect(named.length).toBeGreaterThan(15);
    // Readers give a code as itself ('dst-gap') or through a catalog key ('duplicate-key.exam').
    const given = (code: string): boolean =>
      source.includes(`'${code}'`) || source.includes(`'${code}.`) || source.includes(`\`${code}.`);
    for (const key of named) expect(given(key.slice('issue.'.length)), key).toBe(true);
  });
});
