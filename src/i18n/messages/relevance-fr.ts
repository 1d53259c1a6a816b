/**
 * Messages de `plateau relevance` (pertinence, planning.md §6) ; fr.ts les étale. Fichier à part
 * pour que chaque fonctionnalité ajoute ses mots sans toucher à celles des autres.
 */
export const relevanceMessagesFr = {
  'issue.patient-key-identifier': 'Clé patient qui ressemble à un identifiant en clair',
  'cli.relevance.title': 'Pertinence — campagne {id} ({name})',
  'cli.relevance.sites': '{n, plural, one {# site} other {# sites}}',
  'cli.relevance.territories.department': '{n, plural, one {# département} other {# départements}}',
  'cli.relevance.territories.region': '{n, plural, one {# région} other {# régions}}',
  'cli.relevance.col.finess': 'FINESS',
  'cli.relevance.col.name': 'Nom',
  'cli.relevance.col.territory': 'Territoire',
  'cli.relevance.col.siteCount': 'Sites',
  'cli.relevance.col.headCt': 'Tête TDM',
  'cli.relevance.col.headMr': 'Tête IRM',
  'cli.relevance.col.headShare': 'Part TDM',
  'cli.relevance.col.rank': 'Rang',
  'cli.relevance.col.flag': 'À revoir',
  'cli.relevance.col.schedCt': 'Progr. TDM',
  'cli.relevance.col.schedMr': 'Progr. IRM',
  'cli.relevance.col.schedShare': 'Progr. part TDM',
  'cli.relevance.col.emergCt': 'U TDM',
  'cli.relevance.col.emergMr': 'U IRM',
  'cli.relevance.col.emergShare': 'U part TDM',
  'cli.relevance.col.repeat': 'Répétés',
  'cli.relevance.col.noRequest': 'Sans demande',
  'cli.relevance.col.noBooked': 'Sans durée prévue',
  'cli.relevance.flag': 'à revoir',
  'cli.relevance.notPeer': 'hors pairs',
  'cli.relevance.peers.sites':
    'Pairs (sites avec TDM et IRM, {n, plural, one {# site} other {# sites}}) : part TDM P20 {p20}, P50 {p50}, P80 {p80}',
  'cli.relevance.peers.territories':
    'Pairs ({n, plural, one {# territoire} other {# territoires}}) : part TDM P20 {p20}, P50 {p50}, P80 {p80}',
  'cli.relevance.legend':
    "Tête : examens de la famille d'actes « tête » (crâne, encéphale, face) sur scanner (TDM) et IRM ; part TDM = TDM ÷ (TDM + IRM), programmés (A, H, R) et urgences (U) à part. Rang : rang centile parmi les pairs. « À revoir » : part au P80 des pairs ou au-dessus, à examiner au regard du Guide du bon usage des examens d'imagerie (un signal, pas un verdict).",
  'cli.relevance.note.repeats-need-patient-key':
    "Examens répétés : aucun examen n'a de patient_key (colonne de exams.csv : un hachage à clé, jamais un nom ni un numéro) ; la part d'examens répétés est vide (—)",
  'cli.relevance.note.unknown-machine-exams':
    '{n, plural, one {# examen sur une machine inconnue est laissé} other {# examens sur des machines inconnues sont laissés}} de côté',
  'cli.relevance.note.sites-without-territory':
    '{n, plural, one {# site sans département reconnu n’est compté} other {# sites sans département reconnu ne sont comptés}} dans aucun territoire',
  'cli.relevance.campaignWithKit': '--campaign lit le stockage : il ne se combine pas avec KIT_DIR',
  'cli.relevance.noCampaign': "La campagne {id} n'est pas dans le stockage",
} as const;
