/**
 * The OpenAPI entries of the bundle routes (issue 16): `POST /api/bundles` and the administrator's
 * `/api/admin/bundle-keys`. Spread into the document by `openapi.ts`, kept beside bundles.ts.
 */
import type { Operation, Schema } from '../openapi.ts';
import { apiError, json, obj, ref, str, strOrNull, use } from '../openapi-parts.ts';

const common = {
  '401': apiError('login-required (accounts mode).'),
  '405': use('MethodNotAllowed'),
  '421': use('HostNotAllowed'),
  '500': use('ServerError'),
};
const ADMIN_ONLY = apiError('forbidden: only an administrator may do this.');

/** The schemas of the bundle routes. */
export const BUNDLE_SCHEMAS: Record<string, Schema> = {
  BundleKey: obj({
    keyId: {
      ...str,
      description: 'First 16 hex digits of the SHA-256 of the key’s SPKI DER encoding.',
    },
    finess: str,
    publicKey: { ...str, description: 'The Ed25519 public key, SPKI PEM.' },
    label: strOrNull,
    addedBy: str,
    addedAt: str,
    revokedAt: strOrNull,
  }),
  BundleImport: obj({
    campaignId: str,
    finess: str,
    campaign: { type: 'string', enum: ['inserted', 'existing'] },
    replaced: { type: 'boolean' },
    machines: { type: 'array', items: str },
    surveyAnswers: { type: 'integer' },
    keyId: str,
    sha256: str,
    aggregates: {
      anyOf: [{ type: 'object' }, { type: 'null' }],
      description: 'What the recomputation of the campaign’s aggregates wrote.',
    },
  }),
};

/** The paths of the bundle routes. */
export const BUNDLE_PATHS: Record<string, Partial<Record<'get' | 'post' | 'delete', Operation>>> = {
  '/api/bundles': {
    post: {
      operationId: 'importBundle',
      summary:
        'Verifies and stores a signed bundle of a site’s figures (local mode, national, admin, or a site user for its own FINESS; audited bundle.import).',
      description:
        'The body is the bundle file (plateau bundle export), at most 20 MiB. Stored into its campaign (created from the bundle when absent, not by a site user), replacing the site’s previous bundle; the campaign’s aggregates are recomputed including it. Refused, nothing stored: invalid or tampered file, exam rows inside, unknown or revoked key (400), another site’s bundle (403), a campaign over another period, a site present as raw data, a machine id another site holds (409).',
      tags: ['bundles'],
      requestBody: {
        required: true,
        description: 'The signed bundle file.',
        content: json({ type: 'object' }),
      },
      responses: {
        '201': { description: 'Stored.', content: json(ref('BundleImport')) },
        '400': apiError(
          'bad-request, bundle-invalid, bundle-unknown-key, bundle-revoked-key: the located reason.',
        ),
        '403': apiError('forbidden (a region user), bundle-foreign-site (another site’s bundle).'),
        '409': apiError(
          'bundle-period, bundle-raw-site, bundle-no-campaign, bundle-machine-taken: the located reason.',
        ),
        '413': use('PayloadTooLarge'),
        ...common,
      },
    },
  },
  '/api/admin/bundle-keys': {
    get: {
      operationId: 'listBundleKeys',
      summary: 'The sites’ registered bundle keys, revoked ones included (administrators only).',
      tags: ['bundles'],
      responses: {
        '200': {
          description: 'The keys.',
          content: json(obj({ keys: { type: 'array', items: ref('BundleKey') } })),
        },
        '400': use('BadRequest'),
        '403': ADMIN_ONLY,
        ...common,
      },
    },
    post: {
      operationId: 'addBundleKey',
      summary:
        'Registers a site’s Ed25519 public key (administrators only; audited bundle-key.add).',
      tags: ['bundles'],
      requestBody: {
        required: true,
        description: 'The key.',
        content: json(
          obj(
            {
              finess: str,
              publicKey: { ...str, description: 'SPKI PEM (KEY.pub.pem).' },
              label: str,
            },
            ['label'],
          ),
        ),
      },
      responses: {
        '201': { description: 'Registered.', content: json(obj({ key: ref('BundleKey') })) },
        '400': use('BadRequest'),
        '403': ADMIN_ONLY,
        '409': apiError('key-exists: this key is already registered.'),
        ...common,
      },
    },
  },
  '/api/admin/bundle-keys/{keyId}': {
    delete: {
      operationId: 'revokeBundleKey',
      summary:
        'Revokes a bundle key: bundles signed with it are refused from now on (administrators only; audited bundle-key.revoke).',
      tags: ['bundles'],
      parameters: [
        {
          name: 'keyId',
          in: 'path',
          required: true,
          description: 'The key id (16 hex digits).',
          schema: str,
        },
      ],
      responses: {
        '200': { description: 'The key, revoked.', content: json(obj({ key: ref('BundleKey') })) },
        '403': ADMIN_ONLY,
        '404': use('NotFound'),
        ...common,
      },
    },
  },
};
