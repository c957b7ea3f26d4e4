/**
 * Wraps the doc footer (swizzle --wrap) to put "Mark as read" at the end of every doc page,
 * after the article, where reaching it also counts the page as read.
 */
import React from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type {WrapperProps} from '@docusaurus/types';
import MarkRead from '@site/src/components/CourseProgress/MarkRead';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props): React.JSX.Element {
  return (
    <>
      <MarkRead />
      <Footer {...props} />
    </>
  );
}
