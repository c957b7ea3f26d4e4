import React from 'react';
import {splitInlineCode} from '@site/src/lib/quiz';

/** Quiz text: pieces between backticks are shown as code. */
export default function RichText({text}: {text: string}): React.JSX.Element {
  return (
    <>
      {splitInlineCode(text).map((part, index) => (part.code ? <code key={index}>{part.text}</code> : <React.Fragment key={index}>{part.text}</React.Fragment>))}
    </>
  );
}
