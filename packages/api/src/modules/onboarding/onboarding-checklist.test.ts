import { describe, expect, it } from 'vitest';
import { ONBOARDING_TASKS, openPrerequisites, progressPercent } from './onboarding-checklist.js';

describe('onboarding checklist', () => {
  it('has the 11 tasks of the seed system, each prerequisite an earlier-known task, no cycles', () => {
    expect(ONBOARDING_TASKS.map((task) => task.key)).toEqual(['setup_001', 'setup_002', 'setup_003', 'training_001', 'training_002', 'technical_001', 'technical_002', 'business_001', 'business_002', 'final_001', 'final_002']);
    const keys = new Set(ONBOARDING_TASKS.map((task) => task.key));
    for (const task of ONBOARDING_TASKS) for (const prerequisite of task.prerequisites) expect(keys.has(prerequisite)).toBe(true);
    // Every task can be completed in some order (topological sort succeeds).
    const done = new Set<string>();
    for (let round = 0; round < ONBOARDING_TASKS.length; round++) {
      for (const task of ONBOARDING_TASKS) if (openPrerequisites(task.key, done).length === 0) done.add(task.key);
    }
    expect(done.size).toBe(11);
  });

  it.each([
    ['setup_001', [], []],
    ['training_001', [], ['setup_002']],
    ['final_001', ['setup_001'], ['setup_002']],
    ['final_002', ['training_002'], ['business_001', 'final_001']],
    ['final_002', ['training_002', 'business_001', 'final_001'], []],
  ])('%s with %j done waits for %j', (key, done, open) => {
    expect(openPrerequisites(key, new Set(done))).toEqual(open);
  });

  it.each([
    [0, 0],
    [1, 9],
    [10, 90],
    [11, 100],
  ])('%i of 11 done is %i %%', (done, percent) => {
    expect(progressPercent(done)).toBe(percent);
  });
});
