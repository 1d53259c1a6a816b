// A small kit with an equipment register, every territorial figure of it computed by hand:
// two sites in the Nord (59, Hauts-de-France 32) and one in Paris (75, Île-de-France 11).
//   CT1  Saint-Éloi (590000001, CH)   campaign, 8 exams in 4 weeks (2/week), installed 1998
//   CT2  Clinique (590000002)         register only (private practice), installed 2005: imputed
//   MR1  Paris (750000001, PRIVATE)   campaign, 4 exams (1/week), on call 21:00–23:00 one night
//   MR2  Paris                        register only, put into service 2011: not counted in 2010
import type { Kit, RegisterMachine } from '../../src/core/kit-types.ts';
import { buildKit } from '../helpers/build-kit.ts';

const day = (d: number, hh: number): string =>
  `2010-03-${String(d).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00`;

export const SAINT_ELOI = '590000001';
export const CLINIQUE = '590000002';
export const PARIS = '750000001';

function row(
  r: Partial<RegisterMachine> &
    Pick<RegisterMachine, 'finess' | 'department' | 'modality' | 'sector'>,
): RegisterMachine {
  return {
    authorisationId: null,
    authorisedOn: null,
    inServiceOn: null,
    installedYear: null,
    fieldTesla: null,
    equipmentId: null,
    origin: 'register',
    ...r,
  };
}

export function territoriesKit(): Kit {
  const kit = buildKit(
    [
      {
        id: 'CT1',
        finess: SAINT_ELOI,
        sessions: [1, 8, 15, 22].map((d): [string, string, 'PUBLIC_SCHEDULED'] => [
          day(d, 8),
          day(d, 12),
          'PUBLIC_SCHEDULED',
        ]),
        exams: [1, 8, 15, 22].flatMap((d) => [
          { in: day(d, 8), out: `2010-03-${String(d).padStart(2, '0')}T08:20` },
          { in: day(d, 9), out: `2010-03-${String(d).padStart(2, '0')}T09:20` },
        ]),
      },
      {
        id: 'MR1',
        modality: 'MR',
        finess: PARIS,
        sessions: [
          ...[1, 8, 15, 22].map((d): [string, string, 'PUBLIC_SCHEDULED'] => [
            day(d, 8),
            day(d, 12),
            'PUBLIC_SCHEDULED',
          ]),
          [day(2, 21), day(2, 23), 'ON_CALL'],
        ],
        exams: [1, 8, 15, 22].map((d) => ({
          in: day(d, 8),
          out: `2010-03-${String(d).padStart(2, '0')}T08:40`,
        })),
      },
    ],
    { id: 'terr', name: 'Territoires', start: '2010-03-01', days: 28 },
  );
  const site = (finess: string) => kit.establishments.find((e) => e.finess === finess)!;
  Object.assign(site(SAINT_ELOI), {
    name: 'Hôpital Saint-Éloi',
    legalStatus: 'CH',
    region: 'Nord-Pas-de-Calais',
    department: '59',
  });
  Object.assign(site(PARIS), {
    name: 'Imagerie de Paris',
    legalStatus: 'PRIVATE',
    region: 'Île-de-France',
    department: '75',
  });
  kit.equipment.find((e) => e.equipmentId === 'CT1')!.installedYear = 1998;
  kit.equipment.find((e) => e.equipmentId === 'MR1')!.installedYear = 2000;
  kit.register = [
    row({
      finess: SAINT_ELOI,
      department: '59',
      modality: 'CT',
      sector: 'hospital',
      installedYear: 1998,
      equipmentId: 'CT1',
    }),
    row({
      finess: CLINIQUE,
      department: '59',
      modality: 'CT',
      sector: 'private_practice',
      installedYear: 2005,
    }),
    row({
      finess: PARIS,
      department: '75',
      modality: 'MR',
      sector: 'private_practice',
      installedYear: 2000,
      equipmentId: 'MR1',
    }),
    row({
      finess: PARIS,
      department: '75',
      modality: 'MR',
      sector: 'hospital',
      inServiceOn: '2011-01-01',
      installedYear: 2010,
    }),
  ];
  return kit;
}
