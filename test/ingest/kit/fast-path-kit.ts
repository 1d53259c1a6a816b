/** The small kit the fast-path tests read around the file they vary (a week in Paris, two machines). */
export const CAMPAIGN = JSON.stringify({
  id: 'c',
  name: 'C',
  start: '2010-03-25',
  days: 7,
  timeZone: 'Europe/Paris',
});

export const ESTABLISHMENTS =
  'finess,name,legal_status,region,department\n590000001,CH Nord,CH,HDF,59\n';
export const EQUIPMENT =
  'equipment_id,finess,modality,label,installed_year,role\nEQ1,590000001,CT,S1,2008,\nEQ2,590000001,MR,,,\n';
