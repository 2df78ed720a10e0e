/**
 * The seed system's 11-task onboarding checklist (SPEC §2.4) as data. Owner decided from the
 * spec's rule "signing, training and profile by the reseller; reviews and approvals by the ISP":
 * banking is entered by the partner but *verified* by the ISP, so the ISP completes it.
 */
export type TaskOwner = 'RESELLER' | 'ISP';
export type TaskPriority = 'HIGH' | 'MEDIUM' | 'LOW';

export interface OnboardingTaskTemplate {
  key: string;
  title: string;
  category: 'legal' | 'setup' | 'business' | 'training' | 'technical';
  priority: TaskPriority;
  /** Estimated effort in hours. */
  effortHours: number;
  /** Due this many days after approval. */
  dueDays: number;
  prerequisites: string[];
  doneWhen: string;
  owner: TaskOwner;
}

export const ONBOARDING_TARGET_DAYS = 45;

export const ONBOARDING_TASKS: readonly OnboardingTaskTemplate[] = [
  { key: 'setup_001', title: 'Complete reseller agreement', category: 'legal', priority: 'HIGH', effortHours: 2, dueDays: 5, prerequisites: [], doneWhen: 'Signed agreement received', owner: 'RESELLER' },
  { key: 'setup_002', title: 'Portal account set-up', category: 'setup', priority: 'HIGH', effortHours: 1, dueDays: 3, prerequisites: [], doneWhen: 'Profile complete: company, logo, contacts, notification preferences', owner: 'RESELLER' },
  { key: 'setup_003', title: 'Banking and payment set-up', category: 'business', priority: 'HIGH', effortHours: 1, dueDays: 7, prerequisites: [], doneWhen: 'Bank details and tax form on file and verified', owner: 'ISP' },
  { key: 'training_001', title: 'Product training — basic', category: 'training', priority: 'HIGH', effortHours: 6, dueDays: 14, prerequisites: ['setup_002'], doneWhen: 'Modules done, quiz at least 80 %', owner: 'RESELLER' },
  { key: 'training_002', title: 'Sales process training', category: 'training', priority: 'HIGH', effortHours: 4, dueDays: 21, prerequisites: ['training_001'], doneWhen: 'Assessment passed', owner: 'RESELLER' },
  { key: 'technical_001', title: 'Technical assessment', category: 'technical', priority: 'MEDIUM', effortHours: 3, dueDays: 10, prerequisites: [], doneWhen: 'Assessment reviewed', owner: 'ISP' },
  { key: 'technical_002', title: 'API and integration set-up', category: 'technical', priority: 'MEDIUM', effortHours: 4, dueDays: 21, prerequisites: ['technical_001'], doneWhen: 'API key issued and a test call made', owner: 'ISP' },
  { key: 'business_001', title: 'Territory planning', category: 'business', priority: 'MEDIUM', effortHours: 4, dueDays: 30, prerequisites: ['training_002'], doneWhen: 'Business plan approved', owner: 'ISP' },
  { key: 'business_002', title: 'Marketing materials set-up', category: 'business', priority: 'LOW', effortHours: 2, dueDays: 30, prerequisites: ['setup_002'], doneWhen: 'Co-branded kit reviewed', owner: 'ISP' },
  { key: 'final_001', title: 'Account manager introduction', category: 'business', priority: 'HIGH', effortHours: 1, dueDays: 7, prerequisites: ['setup_001', 'setup_002'], doneWhen: 'Intro meeting held', owner: 'ISP' },
  { key: 'final_002', title: 'First customer goal setting', category: 'business', priority: 'HIGH', effortHours: 2, dueDays: 14, prerequisites: ['training_002', 'business_001', 'final_001'], doneWhen: 'First-customer plan approved', owner: 'ISP' },
];

/** The prerequisites of a task that are not done yet, in checklist order. */
export function openPrerequisites(key: string, done: ReadonlySet<string>): string[] {
  const task = ONBOARDING_TASKS.find((candidate) => candidate.key === key);
  if (!task) throw new Error(`Unknown onboarding task ${key}`);
  return task.prerequisites.filter((prerequisite) => !done.has(prerequisite));
}

/** Whole percent of tasks done (rounded down, so 100 means every task). */
export function progressPercent(doneCount: number, total = ONBOARDING_TASKS.length): number {
  return total === 0 ? 100 : Math.floor((doneCount * 100) / total);
}
