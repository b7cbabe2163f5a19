/**
 * Issue 6's targets, checked against a run's numbers: each says what was measured, the
 * target, whether it was met, and by how much it was missed (the measured value as a share
 * of the target). A stage that did not run leaves its targets out.
 */
export interface TargetCheck {
  target: string;
  measured: number;
  goal: number;
  unit: string;
  met: boolean;
  /** measured / goal for "at least" targets, goal / measured for "at most" ones. */
  shareOfTarget: number;
}

export function atLeast(target: string, measured: number, goal: number, unit: string): TargetCheck {
  return { target, measured, goal, unit, met: measured >= goal, shareOfTarget: measured / goal };
}

export function atMost(target: string, measured: number, goal: number, unit: string): TargetCheck {
  return { target, measured, goal, unit, met: measured <= goal, shareOfTarget: goal / measured };
}
