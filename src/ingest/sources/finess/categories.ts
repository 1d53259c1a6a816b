/**
 * The sector of a FINESS establishment (`categetab` of its `structureet` line): who runs the
 * heavy equipment it holds, a hospital (public or private) or a private practice. FINESS has no
 * "imaging practice" category: a private radiology practice that holds a CT or MRI authorisation
 * is registered as an *Entité Ayant Autorisation* (699) or, less often, under 698.
 */
import type { RegisterSector } from '../../../core/kit-types.ts';

/**
 * Category code → sector (choice, see the report of issue 12). Labels as FINESS writes them
 * (nomenclature TRE_R66 CategorieEtablissement). A category missing here is counted in a warning
 * and its machines are taken as hospital machines (`FALLBACK_SECTOR`).
 */
export const FINESS_CATEGORY_SECTORS: Readonly<Record<string, RegisterSector>> = {
  // Health establishments (établissements de santé): public and private hospitals and clinics.
  '101': 'hospital', // Centre Hospitalier Régional (C.H.R.), CHU included
  '106': 'hospital', // Centre hospitalier, ex Hôpital local
  '109': 'hospital', // Etablissement de santé privé autorisé en SSR
  '114': 'hospital', // Hôpital des armées
  '122': 'hospital', // Etablissement Soins Obstétriques Chirurgico-Gynécologiques
  '127': 'hospital', // Hospitalisation à Domicile
  '128': 'hospital', // Etablissement de Soins Chirurgicaux
  '129': 'hospital', // Etablissement de Soins Médicaux
  '131': 'hospital', // Centre de Lutte Contre Cancer
  '141': 'hospital', // Centre de dialyse
  '146': 'hospital', // Structure d'Alternative à la dialyse en centre
  '156': 'hospital', // Centre Médico-Psychologique (C.M.P.)
  '161': 'hospital', // Maison de Santé pour Maladies Mentales
  '292': 'hospital', // Centre Hospitalier Spécialisé lutte Maladies Mentales
  '355': 'hospital', // Centre Hospitalier (C.H.)
  '362': 'hospital', // Etablissement de Soins Longue Durée
  '365': 'hospital', // Etablissement de Soins Pluridisciplinaire (most private clinics)
  '430': 'hospital', // Centre Postcure Malades Mentaux
  '433': 'hospital', // Etablissement Sanitaire des Prisons
  // Cooperation groupings: a GCS's machine stands in one of its hospitals (choice).
  '695': 'hospital', // Groupement de coopération sanitaire de moyens - Exploitant
  '696': 'hospital', // Groupement de coopération sanitaire de moyens
  '697': 'hospital', // Groupement de coopération sanitaire - Etablissement de santé
  // Holders outside hospitals: imaging practices and health centres.
  '124': 'private_practice', // Centre de Santé (billed as community care, not as a hospital)
  '698': 'private_practice', // Autre Etablissement Loi Hospitalière (imaging centres among them)
  '699': 'private_practice', // Entité Ayant Autorisation (a practice holding an authorisation)
};

/** The sector given to the machines of an establishment whose category the table does not place. */
export const FALLBACK_SECTOR: RegisterSector = 'hospital';

/** The sector of a category code, or `null` when the table does not place it. */
export function sectorOfCategory(category: string): RegisterSector | null {
  return Object.hasOwn(FINESS_CATEGORY_SECTORS, category)
    ? (FINESS_CATEGORY_SECTORS[category] as RegisterSector)
    : null;
}
