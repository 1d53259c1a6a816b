/**
 * Mots des tendances (issue 16) partagés par la ligne de commande (`plateau trends`) et, par
 * petites insertions, le web et les PDF : titres, colonnes, suivi des pistes. Les phrases des
 * changements et les verdicts sont ceux de web-trends-fr.ts (`trends.web.change.*`, `trends.web.verdict.*`).
 * Référence française ; trends-en.ts a les mêmes clés.
 */
export const trendsMessagesFr = {
  'issue.previous-id': 'Identifiant précédent de machine incorrect',
  'trends.title.nation': 'Tendances nationales, {modality}',
  'trends.title.nationAll': 'Tendances nationales',
  'trends.title.region': 'Tendances de la région {region}',
  'trends.title.site': 'Tendances de {name} ({finess})',
  'trends.title.machine': 'Tendances de la machine {machine} ({modality}, {establishment})',
  'trends.series': 'Campagnes suivies : {list}',
  'trends.single':
    'Une seule campagne est stockée jusqu’à celle-ci : pas encore de campagne antérieure à comparer.',
  'trends.col.figure': 'Indicateur',
  'trends.col.group': 'Groupe',
  'trends.cell.value': '{value} (P50 pairs {p50})',
  'trends.cell.band': '{p50} [{p20} – {p80}]',
  'trends.row.machines': 'Machines',
  'trends.row.sites': 'Sites (dont paquets)',
  'trends.row.exams': 'Examens',
  'trends.row.programmedOpening': 'Ouverture programmée (h/sem)',
  'trends.row.present': 'Présent',
  'trends.leads.title': 'Suivi des pistes d’amélioration (h/sem libérables)',
  'trends.leads.row': '{lead}, {from} → {to} : {before} → {after}, {verdict}',
  'trends.since.title': 'Depuis l’an dernier ({from} → {to})',
  'trends.since.none': 'Aucun changement notable entre {from} et {to}.',
  'trends.machine.of': 'Machine {machine}',
  'trends.absent': 'absent',
} satisfies Record<string, string>;
