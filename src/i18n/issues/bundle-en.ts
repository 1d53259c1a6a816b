/**
 * Issues of the federated bundle's reader (src/core/bundle/validate.ts) and of its signature
 * check (src/ingest/bundle/verify.ts), in English (same keys as bundle-fr.ts). A bundle's values
 * are never quoted: only JSON paths, counts, key ids and FINESS.
 */
import type { BundleProblemKey } from '../../core/bundle/schema.ts';

export const bundleIssuesEn = {
  'bundle-exam-rows': {
    message: 'a bundle carries aggregates only: exam rows found at {path}',
    hint: 'export the bundle with plateau bundle export: it holds indicators and binned distributions, never an exam row, a session or a patient key',
  },
  'bundle-unknown-key': {
    message: '{path} is not part of a bundle: the bundle is read by an allow-list and refused',
    hint: 'export the bundle again with plateau bundle export, without editing it',
  },
  'bundle-invalid.missing': {
    message: '{path} is missing',
    hint: 'export the bundle again with plateau bundle export',
  },
  'bundle-invalid.object': { message: '{path} should be an object', hint: null },
  'bundle-invalid.array': { message: '{path} should be a list', hint: null },
  'bundle-invalid.array-long': { message: '{path} holds more than {max} items', hint: null },
  'bundle-invalid.text': { message: '{path} should be a text', hint: null },
  'bundle-invalid.text-long': { message: '{path} is longer than {max} characters', hint: null },
  'bundle-invalid.number': {
    message: '{path} should be a finite number from {min} to {max}',
    hint: null,
  },
  'bundle-invalid.integer': {
    message: '{path} should be a whole number from {min} to {max}',
    hint: null,
  },
  'bundle-invalid.boolean': { message: '{path} should be true or false', hint: null },
  'bundle-invalid.choice': { message: '{path} should be one of {values}', hint: null },
  'bundle-invalid.blank': { message: '{path} is blank', hint: null },
  'bundle-invalid.finess': {
    message: '{path} should be a FINESS: 9 letters or digits',
    hint: null,
  },
  'bundle-invalid.plateau-version': {
    message: '{path} should be a plateau version such as 0.1.0',
    hint: null,
  },
  'bundle-invalid.key-id': {
    message: '{path} should be a key id: 16 hexadecimal digits',
    hint: null,
  },
  'bundle-invalid.base64': { message: '{path} should be a signature in base64', hint: null },
  'bundle-invalid.date': { message: '{path} should be a date YYYY-MM-DD', hint: null },
  'bundle-invalid.instant': {
    message: '{path} should be an instant such as 2011-03-28T09:00:00Z',
    hint: null,
  },
  'bundle-invalid.time-zone': {
    message: '{path} should be a time zone such as Europe/Paris',
    hint: null,
  },
  'bundle-invalid.format': {
    message: 'this is not a {format} file ({path})',
    hint: 'give the file written by plateau bundle export',
  },
  'bundle-invalid.version': {
    message: '{path}: bundle version {version}, this plateau reads version {supported}',
    hint: 'export the bundle with the same plateau version as the observatory, or update the observatory',
  },
  'bundle-invalid.too-many': { message: '{n} more problems not listed', hint: null },
  'bundle-histogram.width': {
    message: '{path}: the bin width should be {width} (the binning of this plateau)',
    hint: 'export the bundle with the same plateau version as the observatory',
  },
  'bundle-histogram.bin': {
    message: '{path}: each bin should be a pair [bin, count], whole numbers, count at least 1',
    hint: null,
  },
  'bundle-histogram.order': { message: '{path}: bins should be ascending, each once', hint: null },
  'bundle-histogram.total': { message: '{path} is {n} but the counts add up to {sum}', hint: null },
  'bundle-binning': {
    message: '{path} should be {width}: the bundle was binned otherwise than this plateau reads',
    hint: 'export the bundle with the same plateau version as the observatory',
  },
  'bundle-establishment.foreign': {
    message: "{path} names another establishment than the bundle's",
    hint: 'a bundle carries one site: its machines and survey answers only',
  },
  'bundle-machine.none': {
    message: 'the bundle holds no machine',
    hint: 'export a site that has machines in the campaign',
  },
  'bundle-machine.duplicate': { message: '{path}: the same equipment_id as {first}', hint: null },
  'bundle-machine.indicators': {
    message: "{path}: the machine's {field} differs from its equipment row",
    hint: null,
  },
  'bundle-survey.case': {
    message: "{path}: the clinical case is not of the answer's modality",
    hint: null,
  },
  'bundle-survey.duplicate': {
    message: '{path}: the same modality, case and patient as {first}',
    hint: null,
  },
  'bundle-consistency.n': {
    message: '{path} is {n} but the histogram holds {histogramN} values: the figures were changed',
    hint: 'export the bundle again; a bundle is taken as plateau computed it',
  },
  'bundle-consistency.keys': {
    message:
      '{path} has no matching histogram in {histograms} (or the reverse): the figures were changed',
    hint: 'export the bundle again; a bundle is taken as plateau computed it',
  },
  'bundle-consistency.quantile': {
    message:
      "{path} differs from the histogram's by more than {width} (half a bin): the figures were changed",
    hint: 'export the bundle again; a bundle is taken as plateau computed it',
  },
  'bundle-consistency.exams': {
    message: '{path} is {n} but the histograms hold {samples} exams: the figures were changed',
    hint: 'export the bundle again; a bundle is taken as plateau computed it',
  },
  'bundle-file.too-large': {
    message: '{file} is {size} MiB: a bundle is at most {max} MiB',
    hint: 'a bundle holds one site; give the file written by plateau bundle export',
  },
  'bundle-file.json': {
    message: '{file} is not readable JSON (line {line}, column {column})',
    hint: 'give the file written by plateau bundle export, unchanged',
  },
  'bundle-file.payload-json': {
    message: "{file}: the bundle's payload is not readable JSON",
    hint: 'give the file written by plateau bundle export, unchanged',
  },
  'bundle-key.unknown': {
    message: 'the bundle is signed with key {keyId}, which is not registered: unknown key',
    hint: "an administrator registers the site's public key first: plateau bundle keys add --site FINESS --public-key KEY.pub.pem",
  },
  'bundle-key.revoked': {
    message: 'the bundle is signed with key {keyId}, which was revoked',
    hint: 'the site makes a new key (plateau bundle keygen), an administrator registers it, and the site exports again',
  },
  'bundle-key.finess': {
    message: "key {keyId} is registered to {keyFiness}, not to the bundle's establishment {finess}",
    hint: 'a site signs its own bundle only, with the key registered to its FINESS',
  },
  'bundle-signature': {
    message:
      'the signature does not match the bundle (key {keyId}): it was changed after signing, or signed with another key',
    hint: 'export the bundle again and send the file unchanged',
  },
} as const satisfies Record<
  BundleProblemKey | `bundle-${'file' | 'key'}.${string}` | 'bundle-signature',
  { message: string; hint: string | null }
>;
