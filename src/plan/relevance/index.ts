/**
 * Relevance figures of planning.md §6 (pure): neuro CT share, repeats by patient key, and the
 * data-quality shares. One entry point per figure; types and contract in `types.ts`.
 */
export * from './types.ts';
export { computeNeuro } from './neuro.ts';
export { computeRepeats, looksLikeRawIdentifier, REPEAT_WINDOW_MS } from './repeats.ts';
export { computeQuality } from './quality.ts';
export * from './document.ts';
