/**
 * Every part's questions, keyed by part slug. For tests and tools (such as course progress) that
 * need all of them; a check-yourself page imports only its own part's file, so each page's bundle
 * carries one quiz.
 */
import type {PartSlug, QuizQuestion} from '@site/src/lib/quiz';
import advanced from './advanced';
import architecture from './architecture';
import install from './install';
import observability from './observability';
import operations from './operations';
import practice from './practice';
import resilience from './resilience';
import security from './security';
import traffic from './traffic';
import whyMesh from './why-mesh';

export const QUIZZES: Readonly<Record<PartSlug, readonly QuizQuestion[]>> = {
  'why-mesh': whyMesh,
  architecture,
  install,
  traffic,
  resilience,
  security,
  observability,
  advanced,
  operations,
  practice,
};
