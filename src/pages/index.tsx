import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import {ISTIO_VERSION, KUBERNETES_SUPPORTED} from '@site/src/data/course';
import {COURSE_PARTS, formatDuration, totalMinutes} from '@site/src/data/outline';
import labSteps from '@generated/labs/default/lab-steps.json';
import CourseSummary from '@site/src/components/CourseProgress/CourseSummary';
import PartReadCount from '@site/src/components/CourseProgress/PartReadCount';
import ProgressTransfer from '@site/src/components/CourseProgress/ProgressTransfer';
import styles from './index.module.css';

const PROMISES = [
  {
    title: 'Read',
    text: 'Chapters that explain each idea once, clearly, with diagrams and comparison tables.',
  },
  {
    title: 'Run',
    text: 'Labs you paste into your own minikube or kind cluster, step by step, each with what you should see.',
  },
  {
    title: 'Trust',
    text: `Every manifest, command and sample URL is checked against Istio ${ISTIO_VERSION} by the test suite.`,
  },
] as const;

export default function Home(): React.JSX.Element {
  const firstPart = COURSE_PARTS[0];
  return (
    <Layout
      title="Learn Istio by doing"
      description={`A hands-on Istio ${ISTIO_VERSION} course: clear chapters, labs on your own cluster and in-browser playgrounds.`}>
      <main>
        <div className={styles.hero}>
          <div className="container">
            <Heading as="h1" className={styles.title}>
              Service Mesh Labs
            </Heading>
            <p className={styles.tagline}>
              Learn the Istio service mesh by reading a little and doing a lot. The course targets{' '}
              <strong>Istio {ISTIO_VERSION}</strong> on Kubernetes {KUBERNETES_SUPPORTED.min}–
              {KUBERNETES_SUPPORTED.max}.
            </p>
            {firstPart ? (
              <Link className="button button--primary button--lg" to={firstPart.docPath}>
                Start with part 1
              </Link>
            ) : null}
          </div>
        </div>
        <div className="container margin-vert--lg">
          <section aria-labelledby="promises" className={styles.promises}>
            <Heading as="h2" id="promises" className="visually-hidden">
              What the course offers
            </Heading>
            {PROMISES.map((promise) => (
              <div key={promise.title} className={styles.promise}>
                <Heading as="h3">{promise.title}</Heading>
                <p>{promise.text}</p>
              </div>
            ))}
          </section>
          <section aria-labelledby="outline">
            <Heading as="h2" id="outline">
              Course outline
            </Heading>
            <p>
              {COURSE_PARTS.length} parts, about {formatDuration(totalMinutes(COURSE_PARTS))} of reading and labs in
              all.
            </p>
            <ol className={styles.outline}>
              {COURSE_PARTS.map((part) => (
                <li key={part.number} className={styles.part}>
                  <div>
                    <Link to={part.docPath} className={styles.partTitle}>
                      {part.number}. {part.title}
                    </Link>
                    <p className={styles.partSummary}>{part.summary}</p>
                  </div>
                  <div className={styles.partFacts}>
                    <span className={styles.duration} aria-label={`about ${formatDuration(part.minutes)}`}>
                      {formatDuration(part.minutes)}
                    </span>
                    <PartReadCount partPath={part.docPath} className={styles.readCount} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="your-progress">
            <Heading as="h2" id="your-progress">
              Your progress
            </Heading>
            <p className={styles.prose}>
              What this browser has done so far. A page counts as read once you reach its end or mark it; the{' '}
              <Link to="/docs/exam/">exam path</Link> maps the same progress to the Istio Certified Associate
              competencies.
            </p>
            <CourseSummary labs={labSteps} />
            <ProgressTransfer />
          </section>
        </div>
      </main>
    </Layout>
  );
}
