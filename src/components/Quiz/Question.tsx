import React, {useState} from 'react';
import Link from '@docusaurus/Link';
import type {QuizQuestion} from '@site/src/lib/quiz';
import RichText from './RichText';
import styles from './styles.module.css';

interface Props {
  readonly question: QuizQuestion;
  readonly number: number;
  readonly total: number;
  /** The committed (checked and stored) answer, if any. */
  readonly committed: number | undefined;
  readonly onCheck: (option: number) => void;
}

/**
 * One question: a fieldset of radio buttons and a Check button. Choosing an option only selects
 * it (arrow keys move through a radio group, so selecting must not count as answering); Check
 * commits it and reveals the verdict, the explanation and the "Read more" link.
 */
export default function Question({question, number, total, committed, onCheck}: Props): React.JSX.Element {
  const [pending, setPending] = useState<number | undefined>(undefined);
  const [nudge, setNudge] = useState(false);
  const selected = pending ?? committed;
  const revealed = committed !== undefined && (pending === undefined || pending === committed);
  const correct = committed === question.answer;
  const name = `quiz-${question.id}`;

  const check = (): void => {
    if (selected === undefined) {
      setNudge(true);
      return;
    }
    setNudge(false);
    setPending(undefined);
    onCheck(selected);
  };

  return (
    <fieldset
      className={styles.question}
      data-question-id={question.id}
      data-result={revealed ? (correct ? 'correct' : 'incorrect') : undefined}
    >
      <legend className={styles.legend}>
        <span className={styles.number}>
          Question {number} of {total}
        </span>{' '}
        <span className={styles.prompt}>
          <RichText text={question.prompt} />
        </span>
      </legend>
      <div className={styles.options}>
        {question.options.map((option, index) => (
          <label key={index} className={styles.option} data-mark={revealed ? optionMark(index, question.answer, committed) : undefined}>
            <input
              type="radio"
              name={name}
              value={index}
              checked={selected === index}
              onChange={() => {
                setPending(index);
                setNudge(false);
              }}
            />
            <span>
              <RichText text={option} />
              {revealed ? <OptionMark mark={optionMark(index, question.answer, committed)} /> : null}
            </span>
          </label>
        ))}
      </div>
      <div className={styles.actions}>
        <button type="button" className="button button--sm button--primary" onClick={check}>
          Check
        </button>
        {nudge ? <span className={styles.nudge}>Choose an answer first.</span> : null}
      </div>
      <div className={styles.feedbackSlot} aria-live="polite">
        {revealed ? (
          <div className={correct ? styles.right : styles.wrong} data-feedback="">
            <p className={styles.verdict}>
              <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
              <strong>{correct ? 'Correct.' : 'Not quite.'}</strong>
              {correct ? null : (
                <>
                  {' '}
                  The answer is: <RichText text={question.options[question.answer] ?? ''} />
                </>
              )}
            </p>
            <p>
              <RichText text={question.explanation} />
            </p>
            <p className={styles.readMore}>
              <Link to={question.link}>
                Read more: <RichText text={question.section} />
              </Link>
            </p>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

type Mark = 'right' | 'chosen-wrong' | 'none';

function optionMark(index: number, answer: number, committed: number | undefined): Mark {
  if (index === answer) return 'right';
  if (index === committed) return 'chosen-wrong';
  return 'none';
}

function OptionMark({mark}: {mark: Mark}): React.JSX.Element | null {
  if (mark === 'right') return <span className={styles.mark}> — right answer</span>;
  if (mark === 'chosen-wrong') return <span className={styles.mark}> — your answer</span>;
  return null;
}
