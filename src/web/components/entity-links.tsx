/**
 * Links to a machine's and an establishment's page, with the test hooks the end-to-end suites
 * look for (`machine-link`, `establishment-link`).
 */
import type { ReactNode } from 'react';
import { paths } from '../lib/paths.ts';
import { Link } from './link.tsx';

/** A link to a machine's page, named by its label (else its id). */
export function MachineLink({
  campaignId,
  equipmentId,
  label,
}: {
  campaignId: string;
  equipmentId: string;
  label?: string | null;
}): ReactNode {
  return (
    <Link to={paths.machine(campaignId, equipmentId)} data-testid="machine-link">
      {label ?? equipmentId}
    </Link>
  );
}

/** A link to an establishment's page. */
export function EstablishmentLink({
  campaignId,
  finess,
  name,
}: {
  campaignId: string;
  finess: string;
  name: string;
}): ReactNode {
  return (
    <Link to={paths.establishment(campaignId, finess)} data-testid="establishment-link">
      {name}
    </Link>
  );
}
