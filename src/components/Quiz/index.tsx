import React, {useState} from 'react';
import {scoreAnswers, scoreLine, type PartSlug, type QuizQuestion} from '@site/src/lib/quiz';
import Question from './Question';
import {useQuizAnswers} from './useQuizAnswers';
import styles from './styles.module.css';

interface Props {
  /** The part this quiz closes: its answers are kept under `sml.quiz.v1.<part>`. */
  readonly part: PartSlug;
  /** The part's questions, imported by the page from src/data/quizzes/<part>.ts. */
  readonly questions: readonly QuizQuestion[];
}

/**
 * "Check yourself": the questions of one part, each checked on its own, with a running score
 * and a reset. Readable without JavaScript (the questions and choices are in the HTML).
 */
export default function Quiz({part, questions}: Props): React.JSX.Element {
  const {answers, ready, answer, reset} = useQuizAnswers(part, questions);
  const score = scoreAnswers(questions, answers);
  // Bumped by "Reset answers" so every question also forgets a selection it has not checked yet.
  const [generation, setGeneration] = useState(0);

  return (
    <section className={styles.quiz} data-quiz={part} data-ready={ready ? 'true' : undefined} aria-label="Questions">
      {questions.map((question, index) => (
        <Question
          key={`${question.id}.${generation}`}
          question={question}
          number={index + 1}
          total={questions.length}
          committed={answers[question.id]}
          onCheck={(option) => answer(question.id, option)}
        />
      ))}
      <div className={styles.summary}>
        <p className={styles.score} role="status" aria-live="polite">
          {scoreLine(score)}
        </p>
        <button
          type="button"
          className="button button--sm button--secondary" onClick={() => {
            reset();
            setGeneration((count) => count + 1);
          }}
        >
          Reset answers
        </button>
      </div>
    </section>
  );
}
