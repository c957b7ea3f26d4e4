import React, {Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode} from 'react';

type Props = {children?: ReactNode};

function elementsOf(node: ReactNode, type: string): ReactElement<Props>[] {
  return Children.toArray(node).filter(
    (child): child is ReactElement<Props> => isValidElement<Props>(child) && child.type === type,
  );
}

/** The text a cell shows, for the label repeated beside each value on a narrow screen. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<Props>(node)) return textOf(node.props.children);
  return '';
}

/**
 * A Markdown table in the site's one table style (`.sml-table`, src/css/custom.css). Each body
 * cell after the first gets its column's name as `data-label`, shown beside the value when a
 * narrow screen turns rows into cards; explicit roles keep it a table for screen readers then.
 */
export default function MDXTable({children, ...props}: ComponentProps<'table'>): React.JSX.Element {
  const header = elementsOf(children, 'thead')[0];
  const labels = header
    ? elementsOf(header.props.children, 'tr')
        .flatMap((row) => elementsOf(row.props.children, 'th'))
        .map((cell) => textOf(cell.props.children).trim())
    : [];
  const withRoles = Children.map(children, (part) => {
    if (!isValidElement<Props>(part)) return part;
    const rows = Children.map(part.props.children, (row) => {
      if (!isValidElement<Props>(row)) return row;
      let column = -1;
      const cells = Children.map(row.props.children, (cell) => {
        if (!isValidElement<Props>(cell)) return cell;
        if (cell.type === 'th') return cloneElement(cell, {role: 'columnheader'} as Props);
        column += 1;
        return cloneElement(cell, {role: 'cell', 'data-label': column > 0 ? labels[column] : undefined} as Props);
      });
      return cloneElement(row, {role: 'row'} as Props, cells);
    });
    return cloneElement(part, {role: 'rowgroup'} as Props, rows);
  });
  return (
    <div className="sml-table">
      <table {...props} role="table">
        {withRoles}
      </table>
    </div>
  );
}
