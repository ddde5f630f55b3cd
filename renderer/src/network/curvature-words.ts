import type { CriticalPointType } from '../../../shared/events';
import { formatValue } from '../../../shared/format-number';

const MEANING: Record<CriticalPointType, string> = {
  minimum: 'a minimum of the full loss: it curves up along every direction (smallest eigenvalue above zero)',
  saddle: 'a saddle of the full loss: it still curves down along some direction (smallest eigenvalue below zero)',
  maximum: 'a maximum of the full loss: it curves down along every direction',
  degenerate:
    'flat along some direction of the full loss (smallest eigenvalue near zero next to the largest): curvature alone cannot tell a minimum from a saddle there',
};

/** What the Hessian's extreme eigenvalues at a checkpoint say about it, in words. */
export function curvatureWords(
  step: number,
  final: boolean,
  [low, high]: [number, number],
  kind: CriticalPointType,
): string {
  return `At step ${step}${final ? ' (final point)' : ''} the Hessian's eigenvalues run from ${formatValue(low)} to ${formatValue(high)}: ${MEANING[kind]}.`;
}
