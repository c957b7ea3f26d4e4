import MDXComponents from '@theme-original/MDXComponents';
import MDXTable from './Table';

/** Docusaurus' MDX components, plus Markdown tables in the site's one table style. */
export default {...MDXComponents, table: MDXTable};
