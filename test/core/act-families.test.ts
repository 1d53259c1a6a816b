// The act families of CCAM codes: a hand-checked list (labels read one by one), the letter rules
// for codes outside the table, and every code the synthetic campaign and the conformance kits
// ship has a family.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACT_FAMILIES, actFamily, examFamily } from '../../src/core/act-families.ts';
import { actTable, combosOf } from '../../src/generate/acts.ts';
import { SHARED_DIR } from '../helpers/shared.ts';

describe('actFamily', () => {
  it('gives the family read from the label of hand-checked codes', () => {
    const expected: Record<string, string> = {
      ACQK001: 'head', // Scanographie du crâne et de son contenu, sans injection
      ACQH003: 'head', // … avec injection intraveineuse
      ACQN001: 'head', // Remnographie du crâne et de son contenu
      ACQJ002: 'head',
      ACQH004: 'whole-body', // Scanographie du crâne, de son contenu et du tronc
      ZZQH033: 'whole-body', // thorax, abdomen et petit bassin
      LFQK001: 'spine', // Scanographie d'un segment de la colonne vertébrale
      LFQN001: 'spine',
      AFQH003: 'spine', // myéloscanner
      ZBQK001: 'thorax',
      ZBQH001: 'thorax',
      ZCQK002: 'abdomen-pelvis', // abdomen et petit bassin
      ZCQJ004: 'abdomen-pelvis',
      JJQJ001: 'abdomen-pelvis', // petit bassin [pelvis]
      NZQN001: 'musculoskeletal', // genou
      MZQN001: 'musculoskeletal', // épaule
      EBQJ001: 'vascular', // vaisseaux cervicaux et intracrâniens
      ECQH010: 'vascular', // angioscanner thoracique
      ECQH011: 'vascular',
    };
    for (const [code, family] of Object.entries(expected))
      expect([code, actFamily(code)]).toEqual([code, family]);
  });

  it('reads codes outside the table from their letters', () => {
    expect(actFamily('ACQK999')).toBe('head'); // skull, examination
    expect(actFamily('AFQK999')).toBe('spine'); // spinal cord
    expect(actFamily('LDQN999')).toBe('spine');
    expect(actFamily('DZQN999')).toBe('cardiac'); // heart
    expect(actFamily('EAQH999')).toBe('vascular');
    expect(actFamily('GEQK999')).toBe('thorax'); // airways and lungs
    expect(actFamily('HLQH999')).toBe('abdomen-pelvis'); // digestive
    expect(actFamily('NFQN999')).toBe('musculoskeletal'); // lower limb
    expect(actFamily('QEQJ999')).toBe('breast');
    expect(actFamily('ZBQN999')).toBe('thorax');
    expect(actFamily('ZZQN999')).toBe('whole-body');
    expect(actFamily('KCQK999')).toBe('other'); // endocrine
    // any action other than an examination is image-guided on a CT or MRI
    expect(actFamily('ZCHH999')).toBe('interventional');
    expect(actFamily('LHLH999')).toBe('interventional');
  });

  it('gives no family to supplements, anaesthesia and what is not a CCAM code', () => {
    expect(actFamily('YYYY600')).toBeNull();
    expect(actFamily('ZZLP025')).toBeNull();
    for (const text of ['', 'ACQK01', 'ACQ1001', '24725-4', 'CT Head', 'ACQK0012'])
      expect(actFamily(text)).toBeNull();
  });

  it('ignores case, blanks and an activity suffix', () => {
    expect(actFamily(' acqk001 ')).toBe('head');
    expect(actFamily('ACQK001-1')).toBe('head');
  });

  it('only gives ids of ACT_FAMILIES', () => {
    for (const code of ['ACQK001', 'ZZQH033', 'ZCHH999', 'KCQK999', 'DZQN999', 'QEQJ999']) {
      expect(ACT_FAMILIES).toContain(actFamily(code));
    }
  });
});

describe('examFamily', () => {
  it('takes the first act that has a family', () => {
    expect(examFamily(['YYYY600', 'ZBQK001', 'ACQK001'])).toBe('thorax');
    expect(examFamily(['ACQH003', 'ZBQH001'])).toBe('head');
    expect(examFamily([])).toBeNull();
    expect(examFamily(['YYYY600', 'NOPE'])).toBeNull();
  });
});

describe('shipped codes', () => {
  it('every code of the synthetic act table and of its combinations has a family', () => {
    const codes = new Set(actTable().map((a) => a.code));
    for (const modality of ['CT', 'MR'] as const)
      for (const c of combosOf(modality)) for (const code of c.acts) codes.add(code);
    expect(codes.size).toBe(22);
    for (const code of codes) expect([code, actFamily(code)]).not.toContainEqual(null);
    for (const modality of ['CT', 'MR'] as const) {
      for (const c of combosOf(modality)) expect(examFamily(c.acts)).not.toBeNull();
    }
  });

  it('every code of the conformance kits has a family', () => {
    const dir = join(SHARED_DIR, 'spec/conformance');
    const kits = readdirSync(dir).filter((name) => /^kit-\d+$/.test(name));
    expect(kits.length).toBeGreaterThan(0);
    for (const kit of kits) {
      const lines = readFileSync(join(dir, kit, 'acts.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const code = line.split(',')[0]!;
        expect([kit, code, actFamily(code)]).not.toContainEqual(null);
      }
    }
  });
});
