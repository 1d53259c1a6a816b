import { describe, expect, it } from 'vitest';
import { isIdentifyingHeader } from '../../src/ingest/kit/identifying.ts';
import { KIT_CSV_FILES } from '../../src/ingest/kit/kit-files.ts';

describe('isIdentifyingHeader', () => {
  it.each([
    'nom',
    'NOM',
    'Nom Patient',
    'nom_patient',
    'nom-de-naissance',
    'nom_usage',
    'prenom',
    'Prénom',
    'PRENOMS',
    'first_name',
    'FirstName',
    'last name',
    'lastName',
    'surname',
    'patient_name',
    'PatientName',
    'given-name',
    'birth_date',
    'BirthDate',
    'date_of_birth',
    'date de naissance',
    'Date-de-Naissance',
    'date_naissance',
    'ddn',
    'DOB',
    'patient_id',
    'PatientID',
    'id_patient',
    'IPP',
    'nir',
    'NSS',
    'ins',
    'SSN',
    'numero_secu',
    'securite_sociale',
    'address',
    'adresse',
    'Adresse postale',
    'code_postal',
    'zip',
    'phone',
    'téléphone',
    'tel',
    'telephone_portable',
    'email',
    'e-mail',
    'E_Mail',
    'courriel',
    'mail',
  ])('refuses %j', (header) => {
    expect(isIdentifyingHeader(header)).toBe(true);
  });

  it.each([
    'name',
    'label',
    'exam_id',
    'equipment_id',
    'installed_year',
    'finess',
    'region',
    'department',
    'patient',
    'case',
    'days',
    'age_band',
    'requested_at',
    'report_validated_at',
    'scheduled_minutes',
    'comment',
    'nom_etablissement',
    'adresse_site',
    'telephone_service',
    'insurance_type',
    'modality',
    'session_type',
    'nomenclature',
    'renommage',
  ])('accepts %j', (header) => {
    expect(isIdentifyingHeader(header)).toBe(false);
  });

  it('accepts every column of the kit', () => {
    for (const spec of KIT_CSV_FILES)
      for (const column of spec.columns) expect(isIdentifyingHeader(column.name)).toBe(false);
  });
});
