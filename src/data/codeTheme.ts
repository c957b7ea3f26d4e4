import type {PrismTheme} from 'prism-react-renderer';

/**
 * Light code theme with GitHub Primer's light syntax colours: every token reaches WCAG AA
 * (4.5:1) on the code background, which prism-react-renderer's bundled "github" theme does not.
 */
export const accessibleLightCodeTheme: PrismTheme = {
  plain: {color: '#1f2328', backgroundColor: '#f6f8fa'},
  styles: [
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: '#57606a', fontStyle: 'italic'}},
    {types: ['punctuation'], style: {color: '#1f2328'}},
    {types: ['string', 'char', 'attr-value', 'regex', 'url'], style: {color: '#0a3069'}},
    {types: ['number', 'boolean', 'constant', 'symbol', 'important'], style: {color: '#0550ae'}},
    {types: ['keyword', 'atrule', 'operator', 'selector'], style: {color: '#cf222e'}},
    {types: ['key', 'property', 'attr-name', 'tag', 'inserted'], style: {color: '#116329'}},
    {types: ['function', 'class-name', 'builtin'], style: {color: '#6639ba'}},
    {types: ['variable', 'parameter', 'assign-left', 'entity'], style: {color: '#953800'}},
    {types: ['deleted'], style: {color: '#82071e'}},
  ],
};
