import React, {useMemo} from 'react';
import Link from '@docusaurus/Link';
import {parseBody, type Inline} from '@site/src/lib/labs/markdown';
import styles from './styles.module.css';

/** Longest token kept on one line; a longer one (a URL, a cluster DNS name) may still wrap. */
const UNBROKEN_TOKEN = 30;

/**
 * Inline code that wraps only between words where it can: `-o` or `istio-system` split over two
 * lines reads as two words. Copying it still gives the text exactly (the spans add nothing).
 */
function InlineCode({text}: {text: string}): React.JSX.Element {
  const parts = text.split(/(\s+)/);
  return (
    <code>
      {parts.map((part, index) =>
        index % 2 === 0 && part.length > 0 && part.length <= UNBROKEN_TOKEN ? (
          <span key={index} className={styles.token}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </code>
  );
}

function InlineText({content}: {content: readonly Inline[]}): React.JSX.Element {
  return (
    <>
      {content.map((node, index) => {
        switch (node.kind) {
          case 'text':
            return <React.Fragment key={index}>{node.text}</React.Fragment>;
          case 'code':
            return <InlineCode key={index} text={node.text} />;
          case 'strong':
            return (
              <strong key={index}>
                <InlineText content={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={index}>
                <InlineText content={node.children} />
              </em>
            );
          case 'link':
            return (
              <Link key={index} to={node.href}>
                <InlineText content={node.children} />
              </Link>
            );
        }
      })}
    </>
  );
}

/** A step's body or hint: the markdown subset of src/lib/labs/markdown.ts as React elements. */
export default function StepMarkdown({text}: {text: string}): React.JSX.Element {
  const blocks = useMemo(() => parseBody(text), [text]);
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            <InlineText content={block.content} />
          </p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineText content={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
