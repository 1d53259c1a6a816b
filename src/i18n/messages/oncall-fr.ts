/**
 * Messages de `plateau oncall` (mutualisation des gardes et de la télé-radiologie, planning.md §4).
 * Fichier séparé, étalé dans fr.ts, pour que les fonctionnalités ajoutent leurs mots sans se gêner.
 */
export const oncallMessagesFr = {
  'cli.oncall.title': 'Permanence des soins — campagne {id} ({name}), à partir du {start}',
  'cli.oncall.territory': 'Territoire : {place}',
  'cli.oncall.place.department': 'département {code} ({name})',
  'cli.oncall.place.region': 'région {code} ({name})',
  'cli.oncall.place.sites': 'sites choisis',
  'cli.oncall.sites': '{n, plural, one {# site} other {# sites}} : {list}',
  'cli.oncall.hours':
    'Heures de PDS par semaine : {night} de nuit (lun.–ven. 20 h–8 h), {weekend} de week-end et jours fériés',
  'cli.oncall.demand':
    'Examens en heures de PDS par semaine (mesurés) : {modality} {night} de nuit, {weekend} de week-end',
  'cli.oncall.model':
    'Lecture : {reading} ({readingProvenance}), loi {distribution} ; cible {targetShare} lus en {targetMinutes} min au plus ; tarif horaire {rate}',
  'cli.oncall.distribution.exponential': 'exponentielle',
  'cli.oncall.distribution.deterministic': 'fixe (simulée)',
  'cli.oncall.noRate': 'aucun (pas de coût)',
  'cli.oncall.col.option': 'Organisation',
  'cli.oncall.col.lines': 'Lignes',
  'cli.oncall.col.hours': 'Heures de garde / sem.',
  'cli.oncall.col.examsPerHour': 'Examens / heure de garde',
  'cli.oncall.col.share': 'Lus dans la cible',
  'cli.oncall.col.response': 'Réponse moyenne (min)',
  'cli.oncall.col.cost': 'Coût / sem. (€)',
  'cli.oncall.option.separate': 'Chaque site seul',
  'cli.oncall.option.hub': 'Un centre pour tous',
  'cli.oncall.option.hub-night-sites-weekend': 'Centre la nuit, sites le week-end',
  'cli.oncall.option.sites-night-hub-weekend': 'Sites la nuit, centre le week-end',
  'cli.oncall.provenance':
    'Provenance : demande — {demand} ; lignes, heures, parts et réponse — {figures} ; coût — {cost}',
  'cli.oncall.provenance.measured': 'mesuré',
  'cli.oncall.provenance.input': 'saisi',
  'cli.oncall.provenance.illustrative': 'illustratif',
  'cli.oncall.notes': 'Notes :',
  'cli.oncall.note.illustrativeReading':
    'les durées de lecture par défaut (CT 15 min, IRM 20 min) sont ILLUSTRATIVES, ni mesurées ni tirées d’une référence : donnez les vôtres avec --reading-minutes',
  'cli.oncall.note.stationary':
    'chaque file est prise stationnaire au débit moyen de ses heures : les pics du soir ne sont pas modélisés (heure la plus chargée dans le JSON, peakArrivalsPerHour)',
  'cli.oncall.note.noHolidays':
    'aucun jour férié compté (plateau n’a pas de table des jours fériés : --holidays)',
  'cli.oncall.note.unreachable':
    'pour au moins une file, aucun nombre de lignes jusqu’à {max} n’atteint la cible : les chiffres de l’option sont vides',
  'cli.oncall.note.readingCeiling':
    'lecture exponentielle : même sans attente, seuls {share} des examens {modality} sont lus en {targetMinutes} min (durée moyenne {minutes} min), moins que la cible : prenez --reading fixed, une --target-minutes plus longue ou une --target-share plus basse',
  'cli.oncall.note.noDemand': 'aucun examen en heures de PDS sur ces sites pendant la campagne',
  'cli.oncall.error.noSite': 'aucun site de la campagne dans {territory}',
  'cli.oncall.error.unknownSites': 'sites absents de la campagne : {sites}',
  'cli.oncall.error.oneTerritory': 'choisissez un et un seul de --department, --region et --sites',
  'cli.oncall.usage.readingMinutes': 'des durées positives par modalité, par exemple CT=15,MR=20',
  'cli.oncall.usage.positive': 'un nombre positif',
  'cli.oncall.usage.share': 'une part strictement entre 0 et 1, par exemple 0.9',
  'cli.oncall.usage.rate': 'un nombre positif ou nul (euros par heure de garde)',
  'cli.oncall.usage.holidays': 'des dates AAAA-MM-JJ séparées par des virgules',
} satisfies Record<string, string>;
