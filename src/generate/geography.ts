/**
 * The map of the synthetic campaign: fourteen 2010 French regions with their departments and
 * towns, FINESS géographique ids (department prefix + Luhn key, like real ones) and names by
 * legal status. Towns are real; every establishment built from them is invented.
 */
import type { LegalStatus } from '../core/kit-types.ts';
import type { Rng } from './random.ts';

export interface Department {
  code: string;
  /** Relative weight for placing establishments (roughly its population). */
  weight: number;
  towns: readonly string[];
}

export interface Region {
  name: string;
  weight: number;
  departments: readonly Department[];
  /** Towns with a CHU (university hospital), as `[department, town]`. */
  chu: readonly (readonly [string, string])[];
}

const d = (code: string, weight: number, ...towns: string[]): Department => ({
  code,
  weight,
  towns,
});

/** Fourteen regions (pre-2016 boundaries, as in 2010), mainland only, no Corsica. */
export const REGIONS: readonly Region[] = [
  {
    name: 'Île-de-France',
    weight: 50,
    departments: [
      d('75', 5, 'Paris'),
      d('77', 2, 'Melun', 'Meaux', 'Fontainebleau'),
      d('78', 2, 'Versailles', 'Poissy', 'Mantes-la-Jolie'),
      d('91', 2, 'Évry', 'Corbeil-Essonnes', 'Longjumeau'),
      d('92', 3, 'Nanterre', 'Boulogne-Billancourt', 'Clichy'),
      d('93', 2, 'Bobigny', 'Saint-Denis', 'Montreuil'),
      d('94', 2, 'Créteil', 'Le Kremlin-Bicêtre', 'Villejuif'),
      d('95', 2, 'Pontoise', 'Argenteuil', 'Gonesse'),
    ],
    chu: [],
  },
  {
    name: "Provence-Alpes-Côte d'Azur",
    weight: 30,
    departments: [
      d('04', 0.5, 'Digne-les-Bains', 'Manosque'),
      d('05', 0.5, 'Gap', 'Briançon'),
      d('06', 3, 'Nice', 'Cannes', 'Antibes', 'Grasse'),
      d('13', 5, 'Marseille', 'Aix-en-Provence', 'Arles', 'Aubagne'),
      d('83', 3, 'Toulon', 'Draguignan', 'Fréjus', 'Hyères'),
      d('84', 1.5, 'Avignon', 'Carpentras', 'Orange'),
    ],
    chu: [['06', 'Nice']],
  },
  {
    name: 'Rhône-Alpes',
    weight: 32,
    departments: [
      d('01', 1, 'Bourg-en-Bresse', 'Oyonnax'),
      d('07', 1, 'Privas', 'Aubenas', 'Annonay'),
      d('26', 1, 'Valence', 'Montélimar', 'Romans-sur-Isère'),
      d('38', 2.5, 'Grenoble', 'Vienne', 'Voiron'),
      d('42', 1.5, 'Saint-Étienne', 'Roanne', 'Montbrison'),
      d('69', 4, 'Lyon', 'Villefranche-sur-Saône', 'Vénissieux'),
      d('73', 1, 'Chambéry', 'Albertville'),
      d('74', 1.5, 'Annecy', 'Thonon-les-Bains', 'Annemasse'),
    ],
    chu: [
      ['69', 'Lyon'],
      ['38', 'Grenoble'],
      ['42', 'Saint-Étienne'],
    ],
  },
  {
    name: 'Nord-Pas-de-Calais',
    weight: 24,
    departments: [
      d('59', 5, 'Lille', 'Roubaix', 'Tourcoing', 'Valenciennes', 'Dunkerque', 'Douai', 'Maubeuge'),
      d('62', 3, 'Arras', 'Lens', 'Béthune', 'Boulogne-sur-Mer', 'Calais'),
    ],
    chu: [['59', 'Lille']],
  },
  {
    name: 'Bretagne',
    weight: 18,
    departments: [
      d('22', 1, 'Saint-Brieuc', 'Lannion', 'Dinan'),
      d('29', 1.5, 'Quimper', 'Brest', 'Morlaix'),
      d('35', 1.5, 'Rennes', 'Saint-Malo', 'Fougères'),
      d('56', 1, 'Vannes', 'Lorient', 'Pontivy'),
    ],
    chu: [
      ['35', 'Rennes'],
      ['29', 'Brest'],
    ],
  },
  {
    name: 'Pays de la Loire',
    weight: 18,
    departments: [
      d('44', 2, 'Nantes', 'Saint-Nazaire', 'Châteaubriant'),
      d('49', 1.2, 'Angers', 'Cholet', 'Saumur'),
      d('53', 0.6, 'Laval', 'Mayenne'),
      d('72', 1, 'Le Mans', 'La Flèche'),
      d('85', 1, 'La Roche-sur-Yon', 'Les Sables-d’Olonne', 'Challans'),
    ],
    chu: [
      ['44', 'Nantes'],
      ['49', 'Angers'],
    ],
  },
  {
    name: 'Aquitaine',
    weight: 20,
    departments: [
      d('24', 1, 'Périgueux', 'Bergerac', 'Sarlat-la-Canéda'),
      d('33', 3, 'Bordeaux', 'Libourne', 'Arcachon', 'Mérignac'),
      d('40', 0.8, 'Mont-de-Marsan', 'Dax'),
      d('47', 0.8, 'Agen', 'Villeneuve-sur-Lot', 'Marmande'),
      d('64', 1.5, 'Pau', 'Bayonne', 'Orthez'),
    ],
    chu: [['33', 'Bordeaux']],
  },
  {
    name: 'Midi-Pyrénées',
    weight: 18,
    departments: [
      d('09', 0.4, 'Foix', 'Pamiers'),
      d('12', 0.7, 'Rodez', 'Millau'),
      d('31', 3, 'Toulouse', 'Saint-Gaudens', 'Muret'),
      d('32', 0.4, 'Auch'),
      d('46', 0.4, 'Cahors', 'Figeac'),
      d('65', 0.6, 'Tarbes', 'Lourdes'),
      d('81', 0.8, 'Albi', 'Castres'),
      d('82', 0.6, 'Montauban'),
    ],
    chu: [['31', 'Toulouse']],
  },
  {
    name: 'Languedoc-Roussillon',
    weight: 16,
    departments: [
      d('11', 0.8, 'Carcassonne', 'Narbonne'),
      d('30', 1.5, 'Nîmes', 'Alès', 'Bagnols-sur-Cèze'),
      d('34', 2, 'Montpellier', 'Béziers', 'Sète'),
      d('48', 0.2, 'Mende'),
      d('66', 1, 'Perpignan'),
    ],
    chu: [
      ['34', 'Montpellier'],
      ['30', 'Nîmes'],
    ],
  },
  {
    name: 'Lorraine',
    weight: 14,
    departments: [
      d('54', 1.5, 'Nancy', 'Lunéville', 'Briey'),
      d('55', 0.5, 'Bar-le-Duc', 'Verdun'),
      d('57', 2, 'Metz', 'Thionville', 'Forbach', 'Sarreguemines'),
      d('88', 0.8, 'Épinal', 'Saint-Dié-des-Vosges', 'Remiremont'),
    ],
    chu: [['54', 'Nancy']],
  },
  {
    name: 'Alsace',
    weight: 11,
    departments: [
      d('67', 2, 'Strasbourg', 'Haguenau', 'Sélestat', 'Saverne'),
      d('68', 1.5, 'Colmar', 'Mulhouse', 'Guebwiller'),
    ],
    chu: [['67', 'Strasbourg']],
  },
  {
    name: 'Picardie',
    weight: 12,
    departments: [
      d('02', 1, 'Laon', 'Saint-Quentin', 'Soissons', 'Château-Thierry'),
      d('60', 1.5, 'Beauvais', 'Compiègne', 'Creil'),
      d('80', 1, 'Amiens', 'Abbeville'),
    ],
    chu: [['80', 'Amiens']],
  },
  {
    name: 'Centre',
    weight: 16,
    departments: [
      d('18', 0.6, 'Bourges', 'Vierzon'),
      d('28', 0.8, 'Chartres', 'Dreux'),
      d('36', 0.4, 'Châteauroux'),
      d('37', 1, 'Tours', 'Amboise', 'Chinon'),
      d('41', 0.6, 'Blois', 'Vendôme'),
      d('45', 1.1, 'Orléans', 'Montargis', 'Gien'),
    ],
    chu: [['37', 'Tours']],
  },
  {
    name: 'Haute-Normandie',
    weight: 12,
    departments: [
      d('27', 1, 'Évreux', 'Vernon', 'Louviers'),
      d('76', 2, 'Rouen', 'Le Havre', 'Dieppe', 'Fécamp'),
    ],
    chu: [['76', 'Rouen']],
  },
];

/** Luhn check digit of a string of digits (FINESS numbers end with one). */
export function luhnDigit(payload: string): number {
  let sum = 0;
  // Doubling starts with the rightmost payload digit, since the check digit will sit after it.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = payload.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a 9-digit id passes the Luhn check. */
export function luhnValid(id: string): boolean {
  return /^\d+$/.test(id) && luhnDigit(id.slice(0, -1)) === Number(id.slice(-1));
}

/** A new FINESS géographique id for a department, unique within `taken` (which it updates). */
export function newFiness(department: string, rng: Rng, taken: Set<string>): string {
  for (;;) {
    const payload = `${department}0${String(rng.int(100_000)).padStart(5, '0')}`;
    const id = payload + String(luhnDigit(payload));
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const SAINTS = [
  'Saint-Joseph',
  'Sainte-Marie',
  'Saint-Martin',
  'Saint-Jean',
  'Sainte-Anne',
  'Saint-Louis',
  'Saint-Vincent',
  'Saint-Michel',
];
const PRIVATE_NAMES = [
  'Clinique',
  'Polyclinique',
  'Clinique du Parc',
  'Clinique des Cèdres',
  'Clinique de l’Union',
  'Hôpital privé',
];
const AREAS = ['Nord', 'Sud', 'Est', 'Ouest', 'Centre'];

/** `de Lyon`, `d’Amiens`, `du Mans`, `des Sables-d’Olonne`: the French preposition before a town. */
export function ofTown(town: string): string {
  if (town.startsWith('Le ')) return `du ${town.slice(3)}`;
  if (town.startsWith('Les ')) return `des ${town.slice(4)}`;
  if (/^[AEIOUYÉÈÂ]/i.test(town)) return `d’${town}`;
  return `de ${town}`;
}

/** A plausible establishment name for a legal status, in a town (numbered sites made unique later). */
export function establishmentName(
  status: LegalStatus,
  town: string,
  site: number,
  rng: Rng,
): string {
  switch (status) {
    case 'CH':
      return `Centre hospitalier ${ofTown(town)}`;
    case 'CHU':
      return `CHU ${ofTown(town)} – site ${AREAS[site % AREAS.length]}`;
    case 'CHU_APHP':
      return `AP-HP – hôpital ${ofTown(town)}`;
    case 'CHU_APHM':
      return `AP-HM – Marseille site ${AREAS[site % AREAS.length]}`;
    case 'ESPIC':
      return rng.chance(0.5)
        ? `Hôpital ${rng.pick(SAINTS)} ${ofTown(town)}`
        : `Groupe hospitalier mutualiste ${ofTown(town)}`;
    case 'GCS':
      return `GCS imagerie ${ofTown(town)}`;
    case 'GIE':
      return rng.chance(0.6) ? `GIE IRM ${ofTown(town)}` : `GIE imagerie médicale ${ofTown(town)}`;
    case 'HIA':
      return `Hôpital d’instruction des armées ${ofTown(town)}`;
    case 'LIBERAL':
      return rng.chance(0.5)
        ? `Cabinet de radiologie ${ofTown(town)}`
        : `Centre d’imagerie ${ofTown(town)}`;
    case 'PRIVATE':
      return rng.chance(0.4)
        ? `Clinique ${rng.pick(SAINTS)} ${ofTown(town)}`
        : `${rng.pick(PRIVATE_NAMES)} ${ofTown(town)}`;
  }
}
