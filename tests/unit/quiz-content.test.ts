import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {QUIZZES} from '@site/src/data/quizzes';
import {parseDocLink, PART_SLUGS} from '@site/src/lib/quiz';
import {docPages} from '../support/docRoutes';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const pages = docPages(siteDir);
const PART_FOLDERS = readdirSync(path.join(siteDir, 'docs')).filter((name) => /^(0[1-9]|10)-/.test(name)).sort();
const allQuestions = PART_SLUGS.flatMap((part) => QUIZZES[part].map((question) => ({part, question})));

describe('check-yourself questions', () => {
  it.each(PART_SLUGS)('part %s has 5 to 10 questions', (part) => {
    expect(QUIZZES[part].length).toBeGreaterThanOrEqual(5);
    expect(QUIZZES[part].length).toBeLessThanOrEqual(10);
  });

  it('have unique, lowercase-dash ids that start with their part slug', () => {
    const ids = allQuestions.map(({question}) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const {part, question} of allQuestions) expect(question.id).toMatch(new RegExp(`^${part}-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('each have 2 to 5 distinct options, exactly one answer in range, and a non-empty prompt and explanation', () => {
    for (const {question} of allQuestions) {
      const where = question.id;
      expect(question.options.length, where).toBeGreaterThanOrEqual(2);
      expect(question.options.length, where).toBeLessThanOrEqual(5);
      expect(new Set(question.options).size, where).toBe(question.options.length);
      expect(question.options.every((option) => option.trim() !== ''), where).toBe(true);
      expect(Number.isInteger(question.answer), where).toBe(true);
      expect(question.answer, where).toBeGreaterThanOrEqual(0);
      expect(question.answer, where).toBeLessThan(question.options.length);
      expect(question.prompt.trim(), where).not.toBe('');
      expect(question.explanation.trim().length, where).toBeGreaterThan(20);
    }
  });

  it('do not always put the right answer in the same place', () => {
    for (const part of PART_SLUGS) {
      const positions = new Set(QUIZZES[part].map((question) => question.answer));
      expect(positions.size, part).toBeGreaterThan(1);
    }
  });

  it('each link to a heading that exists, in a docs page that exists, named as the heading is written', () => {
    const broken: string[] = [];
    for (const {question} of allQuestions) {
      const link = parseDocLink(question.link);
      if (!link) {
        broken.push(`${question.id}: "${question.link}" is not /docs/<path>/#<anchor>`);
        continue;
      }
      const page = pages.get(link.path);
      if (!page) {
        broken.push(`${question.id}: no docs page serves /docs/${link.path}/`);
        continue;
      }
      const heading = page.headings.find((candidate) => candidate.id === link.anchor);
      if (!heading) broken.push(`${question.id}: ${page.file} has no heading #${link.anchor}`);
      else if (heading.text !== question.section) broken.push(`${question.id}: section "${question.section}" but the heading reads "${heading.text}"`);
    }
    expect(broken).toEqual([]);
  });

  it('link to a page of their own part', () => {
    for (const {part, question} of allQuestions) {
      const link = parseDocLink(question.link);
      expect(link?.path.split('/')[0], question.id).toBe(part);
    }
  });
});

describe('check-yourself pages', () => {
  it('there is one part folder per part slug, in course order', () => {
    expect(PART_FOLDERS.map((folder) => folder.replace(/^\d+-/, ''))).toEqual([...PART_SLUGS]);
  });

  it.each(PART_SLUGS.map((part, index) => [part, PART_FOLDERS[index] ?? ''] as const))(
    'the %s part ends with a check-yourself page that renders its own questions',
    (part, folder) => {
      const file = path.join(siteDir, 'docs', folder, '99-check-yourself.mdx');
      expect(existsSync(file), file).toBe(true);
      const text = readFileSync(file, 'utf8');
      const partTitle = /^title:\s*(.+)$/m.exec(readFileSync(path.join(siteDir, 'docs', folder, 'index.mdx'), 'utf8'))?.[1]?.trim();
      expect(text).toMatch(new RegExp(`^title: "Check yourself: ${partTitle}"$`, 'm'));
      expect(text).toMatch(/^sidebar_label: Check yourself$/m);
      expect(text).toContain(`import questions from '@site/src/data/quizzes/${part}';`);
      expect(text).toContain(`<Quiz part="${part}" questions={questions} />`);
      const positions = readdirSync(path.join(siteDir, 'docs', folder))
        .filter((name) => /\.mdx?$/.test(name) && name !== '99-check-yourself.mdx')
        .map((name) => Number(/^sidebar_position:\s*(\d+)/m.exec(readFileSync(path.join(siteDir, 'docs', folder, name), 'utf8'))?.[1] ?? 0));
      const own = Number(/^sidebar_position:\s*(\d+)/m.exec(text)?.[1]);
      expect(own).toBeGreaterThan(Math.max(...positions));
    },
  );
});
