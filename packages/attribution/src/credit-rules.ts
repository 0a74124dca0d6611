import type { CreditTally } from './credit-tally.js';
import type { AttributionModelId } from './model-ids.js';
import type { PathContext } from './path-context.js';

/** Splits one converting path's credit over its touches (MODELS.md table); shares sum to 1. */
export type CreditRule = (path: PathContext, tally: CreditTally) => void;

export type PerJourneyModelId = Exclude<AttributionModelId, 'MARKOV'>;

const lastTouch: CreditRule = (path, tally) => tally.add(path.ids[path.length - 1]!, 1);

const firstTouch: CreditRule = (path, tally) => tally.add(path.ids[0]!, 1);

const linear: CreditRule = (path, tally) => {
  const share = 1 / path.length;
  for (let i = 0; i < path.length; i++) tally.add(path.ids[i]!, share);
};

const positionBased: CreditRule = (path, tally) => {
  const { ids, length } = path;
  if (length === 1) return tally.add(ids[0]!, 1);
  if (length === 2) {
    tally.add(ids[0]!, 0.5);
    return tally.add(ids[1]!, 0.5);
  }
  tally.add(ids[0]!, 0.4);
  tally.add(ids[length - 1]!, 0.4);
  const middleShare = 0.2 / (length - 2);
  for (let i = 1; i < length - 1; i++) tally.add(ids[i]!, middleShare);
};

const lastNonDirect: CreditRule = (path, tally) => {
  const { ids, directId } = path;
  for (let i = path.length - 1; i >= 0; i--) {
    if (ids[i] !== directId) return tally.add(ids[i]!, 1);
  }
  // Direct touches only: direct keeps the credit.
  tally.add(ids[path.length - 1]!, 1);
};

/** SHAPLEY's closed form: with v(S) = conversions of paths inside S, each path splits equally over its distinct channels. */
const shapley: CreditRule = (path, tally) => {
  const distinct = path.collectDistinct();
  const share = 1 / distinct;
  for (let i = 0; i < distinct; i++) tally.add(path.distinctIds[i]!, share);
};

/** W_SHAPED / FULL_PATH: milestone positions share 90 %, the other touches 10 % (100 % when there are none). */
function milestoneRule(includeClosingTouch: boolean): CreditRule {
  return (path, tally) => {
    const { ids, length, leadPosition, opportunityPosition } = path;
    const closing = includeClosingTouch ? length - 1 : 0;
    let milestones = 1;
    if (leadPosition > 0) milestones++;
    if (opportunityPosition > 0 && opportunityPosition !== leadPosition) milestones++;
    if (closing > 0 && closing !== leadPosition && closing !== opportunityPosition) milestones++;
    const others = length - milestones;
    const milestoneShare = (others === 0 ? 1 : 0.9) / milestones;
    const otherShare = others === 0 ? 0 : 0.1 / others;
    for (let i = 0; i < length; i++) {
      const isMilestone = i === 0 || i === leadPosition || i === opportunityPosition || i === closing;
      tally.add(ids[i]!, isMilestone ? milestoneShare : otherShare);
    }
  };
}

function timeDecayRule(halfLifeDays: number): CreditRule {
  return (path, tally) => {
    const { ids, ageDays, length } = path;
    let total = 0;
    for (let i = 0; i < length; i++) total += 2 ** (-ageDays[i]! / halfLifeDays);
    for (let i = 0; i < length; i++) tally.add(ids[i]!, 2 ** (-ageDays[i]! / halfLifeDays) / total);
  };
}

export function creditRuleFor(model: PerJourneyModelId, halfLifeDays: number): CreditRule {
  switch (model) {
    case 'LAST_TOUCH':
      return lastTouch;
    case 'FIRST_TOUCH':
      return firstTouch;
    case 'LINEAR':
      return linear;
    case 'TIME_DECAY':
      return timeDecayRule(halfLifeDays);
    case 'POSITION_BASED':
      return positionBased;
    case 'LAST_NON_DIRECT':
      return lastNonDirect;
    case 'W_SHAPED':
      return milestoneRule(false);
    case 'FULL_PATH':
      return milestoneRule(true);
    case 'SHAPLEY':
      return shapley;
  }
}
