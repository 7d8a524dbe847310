import { firstJsonLine, spawnScript } from './child-processes';
import { LoadOutcome, type LoadPlan } from './load-plan';

/** Runs load-generator.ts in a process of its own with this plan, to its end. */
export async function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  const child = spawnScript('./load-generator.ts', plan);
  return LoadOutcome.parse(await firstJsonLine(child));
}
