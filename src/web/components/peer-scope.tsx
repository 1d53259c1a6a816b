/**
 * Which peers a machine is compared with: its whole modality, or the modality narrowed to its
 * region, legal status or typology.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { PeerScope } from '../../core/views/types.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useT } from '../lib/i18n.tsx';

export const PEER_SCOPES: readonly PeerScope[] = ['modality', 'region', 'legalStatus', 'typology'];

/** The scope in a query string (`modality` when absent or unknown). */
export function scopeOf(value: string | null): PeerScope {
  return PEER_SCOPES.find((s) => s === value) ?? 'modality';
}

/** The peers select. */
export function PeerScopeSelect({
  value,
  onChange,
}: {
  value: PeerScope;
  onChange: (scope: PeerScope) => void;
}): ReactNode {
  const t = useT();
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('establishment.peers')}</label>
      <select
        id={id}
        value={value}
        data-testid="peer-scope"
        onChange={(e) => onChange(scopeOf(e.target.value))}
      >
        {PEER_SCOPES.map((s) => (
          <option key={s} value={s}>
            {t(`establishment.peers.${s}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
