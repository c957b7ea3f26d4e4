import {describe, expect, it} from 'vitest';
import {
  decodeAnswers,
  encodeAnswers,
  parseDocLink,
  quizKey,
  scoreAnswers,
  scoreLine,
  splitInlineCode,
  withAnswer,
  type QuizQuestion,
} from '@site/src/lib/quiz';
import {headingsOf} from '../support/docRoutes';

function question(id: string, options = 3, answer = 0): QuizQuestion {
  return {
    id,
    prompt: `Prompt ${id}`,
    options: Array.from({length: options}, (_, i) => `option ${i}`),
    answer,
    explanation: 'Because.',
    link: '/docs/traffic/#key-takeaways',
    section: 'Key takeaways',
  };
}

const QUESTIONS = [question('a', 3, 1), question('b', 2, 0), question('c', 4, 3)];

describe('quiz storage', () => {
  it('keys each part under sml.quiz.v1.<part-slug>', () => {
    expect(quizKey('traffic')).toBe('sml.quiz.v1.traffic');
  });

  it('round-trips answers through the stored JSON', () => {
    const answers = {a: 1, c: 2};
    expect(JSON.parse(encodeAnswers(answers))).toEqual({answers: {a: 1, c: 2}});
    expect(decodeAnswers(encodeAnswers(answers), QUESTIONS)).toEqual(answers);
  });

  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['broken JSON', '{"answers": {"a": 1'],
    ['a JSON array', '[1, 2]'],
    ['a JSON string', '"answers"'],
    ['null', 'null'],
    ['answers that are not an object', '{"answers": [1, 0]}'],
    ['no answers field', '{"a": 1}'],
  ])('reads %s as no answers', (_, raw) => {
    expect(decodeAnswers(raw, QUESTIONS)).toEqual({});
  });

  it('drops answers to unknown questions, out-of-range, fractional and non-numeric choices', () => {
    const raw = JSON.stringify({answers: {a: 2, b: 2, c: 1.5, gone: 0, x: 'y', ['__proto__']: 1}});
    expect(decodeAnswers(raw, QUESTIONS)).toEqual({a: 2});
    expect(decodeAnswers(JSON.stringify({answers: {a: -1, b: '0', c: null}}), QUESTIONS)).toEqual({});
  });

  it('adds an answer without changing the answers it started from', () => {
    const before = {a: 0};
    expect(withAnswer(before, 'b', 1)).toEqual({a: 0, b: 1});
    expect(before).toEqual({a: 0});
  });
});

describe('quiz score', () => {
  it('counts correct and answered questions', () => {
    expect(scoreAnswers(QUESTIONS, {a: 1, b: 1})).toEqual({correct: 1, answered: 2, total: 3});
    expect(scoreAnswers(QUESTIONS, {})).toEqual({correct: 0, answered: 0, total: 3});
  });

  it('says "n of total correct" and how many are still open', () => {
    expect(scoreLine({correct: 5, answered: 7, total: 7})).toBe('5 of 7 correct (all answered).');
    expect(scoreLine({correct: 1, answered: 2, total: 7})).toBe('1 of 7 correct (5 still to answer).');
    expect(scoreLine({correct: 0, answered: 0, total: 7})).toBe('No answers yet: 7 questions to go.');
  });
});

describe('quiz links', () => {
  it('parses a docs route with a heading anchor', () => {
    expect(parseDocLink('/docs/traffic/virtual-service/#match-conditions')).toEqual({path: 'traffic/virtual-service', anchor: 'match-conditions'});
    expect(parseDocLink('/docs/why-mesh/#key-takeaways')).toEqual({path: 'why-mesh', anchor: 'key-takeaways'});
  });

  it.each([
    '/docs/traffic/virtual-service#match-conditions',
    '/docs/traffic/virtual-service/',
    'https://istio.io/docs/#x',
    'docs/traffic/#x',
    '/docs/Traffic/#x',
    '/docs/traffic/#',
  ])('rejects %s', (link) => {
    expect(parseDocLink(link)).toBeNull();
  });
});

describe('inline code in quiz text', () => {
  it('turns text between backticks into code pieces', () => {
    expect(splitInlineCode('set `mode: STRICT` now')).toEqual([
      {code: false, text: 'set '},
      {code: true, text: 'mode: STRICT'},
      {code: false, text: ' now'},
    ]);
  });

  it('leaves text with an unpaired backtick alone', () => {
    expect(splitInlineCode('a ` b')).toEqual([{code: false, text: 'a ` b'}]);
  });
});

describe('heading anchors (as Docusaurus makes them)', () => {
  it('slugs the visible text, numbers repeats, honours {#id} and skips code blocks', () => {
    const text = [
      '---',
      'title: T',
      '---',
      '## `istioctl analyze`: is the configuration right?',
      '### Sidecar mode',
      '```yaml',
      '# not a heading',
      '```',
      '### Sidecar mode',
      '## Step 1: everything to v1',
      '## Custom {#my-id}',
      '## A [link](/x) and **bold**',
    ].join('\n');
    expect(headingsOf(text).map((heading) => heading.id)).toEqual([
      'istioctl-analyze-is-the-configuration-right',
      'sidecar-mode',
      'sidecar-mode-1',
      'step-1-everything-to-v1',
      'my-id',
      'a-link-and-bold',
    ]);
    expect(headingsOf(text)[4]?.text).toBe('Custom');
  });
});
