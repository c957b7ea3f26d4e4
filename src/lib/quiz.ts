/**
 * "Check yourself" quizzes: the question type, the learner's stored answers (reading never
 * throws: missing, corrupt or foreign data gives no answers), scoring, and the "Read more" links.
 * Plain TypeScript: the Quiz component, the progress widgets and the tests all use it.
 */

export const QUIZ_VERSION = 1;

/** The course's parts, by their route segment (/docs/<slug>/). */
export const PART_SLUGS = [
  'why-mesh',
  'architecture',
  'install',
  'traffic',
  'resilience',
  'security',
  'observability',
  'advanced',
  'operations',
  'practice',
] as const;
export type PartSlug = (typeof PART_SLUGS)[number];

/** localStorage key of one part's answers: `sml.quiz.v1.<part-slug>`. */
export function quizKey(part: PartSlug): string {
  return `sml.quiz.v${QUIZ_VERSION}.${part}`;
}

export interface QuizQuestion {
  /** Unique within the course, lowercase-dashes, stable: stored answers are keyed by it. */
  readonly id: string;
  /** The question. Text between backticks is shown as code. */
  readonly prompt: string;
  /** 2–5 choices; text between backticks is shown as code. */
  readonly options: readonly string[];
  /** Index into `options` of the one right choice. */
  readonly answer: number;
  /** Why the right choice is right (and, where useful, why the tempting one is wrong). */
  readonly explanation: string;
  /** Where the course answers it: a docs route with a heading anchor, `/docs/<path>/#<anchor>`. */
  readonly link: string;
  /** The text of that heading, as written in the chapter (shown as the "Read more" link text). */
  readonly section: string;
}

export interface PartQuiz {
  readonly part: PartSlug;
  readonly questions: readonly QuizQuestion[];
}

/** Chosen option index per question id. */
export type QuizAnswers = Readonly<Record<string, number>>;

export const NO_ANSWERS: QuizAnswers = Object.freeze({});

/** Reads a stored record, keeping only answers to questions that exist, with an index in range. */
export function decodeAnswers(raw: string | null | undefined, questions: readonly QuizQuestion[]): QuizAnswers {
  if (!raw) return NO_ANSWERS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return NO_ANSWERS;
  }
  if (!isPlainObject(data) || !isPlainObject(data.answers)) return NO_ANSWERS;
  const stored = data.answers;
  const answers: Record<string, number> = {};
  for (const question of questions) {
    if (!Object.hasOwn(stored, question.id)) continue;
    const value = stored[question.id];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < question.options.length) {
      answers[question.id] = value;
    }
  }
  return answers;
}

export function encodeAnswers(answers: QuizAnswers): string {
  return JSON.stringify({answers});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface QuizScore {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
}

export function scoreAnswers(questions: readonly QuizQuestion[], answers: QuizAnswers): QuizScore {
  let correct = 0;
  let answered = 0;
  for (const question of questions) {
    const chosen = answers[question.id];
    if (chosen === undefined) continue;
    answered += 1;
    if (chosen === question.answer) correct += 1;
  }
  return {correct, answered, total: questions.length};
}

/** "5 of 7 correct", plus how many are still open. */
export function scoreLine(score: QuizScore): string {
  if (score.answered === 0) return `No answers yet: ${score.total} questions to go.`;
  const open = score.total - score.answered;
  const rest = open === 0 ? 'all answered' : `${open} still to answer`;
  return `${score.correct} of ${score.total} correct (${rest}).`;
}

/** The answers with one question answered (a new object: stored answers are never mutated). */
export function withAnswer(answers: QuizAnswers, questionId: string, option: number): QuizAnswers {
  return {...answers, [questionId]: option};
}

export interface DocLink {
  /** The route below /docs/, without slashes at either end ('' is /docs/ itself). */
  readonly path: string;
  readonly anchor: string;
}

const DOC_LINK = /^\/docs\/((?:[a-z0-9][a-z0-9-]*\/)*)#([a-z0-9][a-z0-9_-]*)$/;

/** Parses `/docs/traffic/virtual-service/#match-conditions`; null when it is not of that shape. */
export function parseDocLink(link: string): DocLink | null {
  const match = DOC_LINK.exec(link);
  if (!match) return null;
  return {path: (match[1] ?? '').replace(/\/$/, ''), anchor: match[2] ?? ''};
}

export interface TextPart {
  readonly code: boolean;
  readonly text: string;
}

/** Splits text on backticks: odd pieces are code. An unpaired backtick stays literal text. */
export function splitInlineCode(text: string): TextPart[] {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) return [{code: false, text}];
  return pieces
    .map((piece, index) => ({code: index % 2 === 1, text: piece}))
    .filter((part) => part.text !== '');
}
