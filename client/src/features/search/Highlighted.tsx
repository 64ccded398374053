import type { SearchTextRange } from '@polisee/contracts';
import { Fragment } from 'react';
import { highlightSegments } from './highlight';

/**
 * Text with its matched words in <mark>, built as React elements: the text is the user's
 * writing and is never parsed as markup.
 */
export function Highlighted({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly SearchTextRange[];
}) {
  return (
    <>
      {highlightSegments(text, ranges).map((segment, i) =>
        segment.marked ? (
          <mark key={i}>{segment.text}</mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
