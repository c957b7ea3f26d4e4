/**
 * One part's committed answers, kept in localStorage (`sml.quiz.v1.<part>`) through
 * src/lib/labs/progress.ts. Read after hydration, so the server HTML matches the first render;
 * corrupt or blocked storage gives no answers and the quiz still works (it just forgets).
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {readItem, safeStorage, writeItem} from '@site/src/lib/labs/progress';
import {decodeAnswers, encodeAnswers, NO_ANSWERS, quizKey, withAnswer, type PartSlug, type QuizAnswers, type QuizQuestion} from '@site/src/lib/quiz';

/** Tells progress widgets on this page that stored progress changed (storage events only reach other tabs). */
export const PROGRESS_EVENT = 'sml-progress';

export interface QuizAnswersState {
  readonly answers: QuizAnswers;
  /** True once stored answers have been read (after hydration). */
  readonly ready: boolean;
  readonly answer: (questionId: string, option: number) => void;
  readonly reset: () => void;
}

export function useQuizAnswers(part: PartSlug, questions: readonly QuizQuestion[]): QuizAnswersState {
  const key = quizKey(part);
  const [answers, setAnswers] = useState<QuizAnswers>(NO_ANSWERS);
  const [ready, setReady] = useState(false);
  const answersRef = useRef<QuizAnswers>(NO_ANSWERS);
  const questionsRef = useRef(questions);
  questionsRef.current = questions;
  /** Set while this hook announces its own write, so it does not re-read (blocked storage would read back nothing). */
  const announcing = useRef(false);

  useEffect(() => {
    const load = () => {
      answersRef.current = decodeAnswers(readItem(key), questionsRef.current);
      setAnswers(answersRef.current);
    };
    load();
    setReady(true);
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) load();
    };
    // Another widget on this page changed stored progress (an import, say). With storage blocked
    // there is nothing to re-read, and re-reading would wipe the answers given on this page.
    const onProgress = () => {
      if (!announcing.current && safeStorage()) load();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener(PROGRESS_EVENT, onProgress);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener(PROGRESS_EVENT, onProgress);
    };
  }, [key]);

  const store = useCallback(
    (next: QuizAnswers) => {
      answersRef.current = next;
      setAnswers(next);
      writeItem(key, Object.keys(next).length === 0 ? null : encodeAnswers(next));
      announcing.current = true;
      try {
        window.dispatchEvent(new Event(PROGRESS_EVENT));
      } finally {
        announcing.current = false;
      }
    },
    [key],
  );

  const answer = useCallback(
    (questionId: string, option: number) => store(withAnswer(answersRef.current, questionId, option)),
    [store],
  );

  const reset = useCallback(() => store(NO_ANSWERS), [store]);

  return {answers, ready, answer, reset};
}
