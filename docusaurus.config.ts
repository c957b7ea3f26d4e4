import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {ISTIO_VERSION} from './src/data/course';
import {accessibleLightCodeTheme} from './src/data/codeTheme';
import remarkLabs from './src/plugins/labs/remark';
import remarkTasks from './src/plugins/tasks/remark';
import {PRISM_LANGUAGES} from './src/plugins/prism-languages/languages';

/**
 * Deployment settings come from the environment so a fork deploys to
 * https://USER.github.io/REPO/ without editing this file (see README.md).
 */
const siteUrl = process.env.SITE_URL ?? 'https://service-mesh-labs.github.io';
const baseUrl = normaliseBaseUrl(process.env.BASE_URL ?? '/');
const editUrl = process.env.EDIT_URL ?? 'https://github.com/service-mesh-labs/service-mesh-labs/edit/main/';
/** @docusaurus/faster (Rspack + SWC) halves the build; FASTER=false turns it off for comparison. */
const useFaster = process.env.FASTER !== 'false';

function normaliseBaseUrl(value: string): string {
  const withLeading = value.startsWith('/') ? value : `/${value}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

const config: Config = {
  title: 'Service Mesh Labs',
  tagline: `Learn Istio ${ISTIO_VERSION} by doing: clear chapters, real labs, a mesh you can poke in the browser.`,
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl,
  // GitHub Pages serves /page/ from /page/index.html; a slash-less URL would redirect.
  trailingSlash: true,
  organizationName: process.env.GITHUB_OWNER ?? 'service-mesh-labs',
  projectName: process.env.GITHUB_REPO ?? 'service-mesh-labs',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    mermaid: true,
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },

  future: {
    v4: true,
    faster: useFaster,
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          editUrl,
          showLastUpdateTime: false,
          // <Lab id="…" /> and <Task id="…" /> receive their data (parsed and validated) at build time.
          remarkPlugins: [
            [remarkLabs, {siteDir: __dirname}],
            [remarkTasks, {siteDir: __dirname}],
          ],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        sitemap: {changefreq: 'weekly', priority: 0.5},
      } satisfies Preset.Options,
    ],
  ],

  // Labs: validates labs/*/lab.yaml and publishes manifests, run.sh and bundles (src/plugins/labs).
  // Tasks: validates labs/tasks/*/task.yaml and publishes each task's scripts and manifests (src/plugins/tasks).
  // Search: Pagefind indexes the built pages into a chunked static index (src/plugins/search).
  // Docs metadata: trims what every doc page fetches about the other pages (src/plugins/docs-metadata).
  // Prism languages: only the course's code languages in main.js (src/plugins/prism-languages).
  plugins: [
    './src/plugins/labs/index.ts',
    './src/plugins/tasks/index.ts',
    './src/plugins/search/index.ts',
    './src/plugins/docs-metadata/index.ts',
    './src/plugins/prism-languages/index.ts',
  ],

  themes: ['@docusaurus/theme-mermaid'],

  themeConfig: {
    image: 'img/social-card.png',
    metadata: [
      {name: 'description', content: 'A hands-on Istio course: chapters, labs you run on your own cluster, and an in-browser mesh simulator.'},
      {name: 'twitter:card', content: 'summary_large_image'},
    ],
    colorMode: {respectPrefersColorScheme: true},
    announcementBar: {
      id: `istio-${ISTIO_VERSION}`,
      content: `For <strong>Istio ${ISTIO_VERSION}</strong>: every command, manifest and sample URL is checked against it.`,
      // Colours come from the theme (src/css/custom.css) so the bar reads well in light and dark.
      backgroundColor: 'var(--sml-announcement-background)',
      textColor: 'var(--sml-announcement-text)',
      isCloseable: true,
    },
    navbar: {
      title: 'Service Mesh Labs',
      logo: {alt: 'Service Mesh Labs logo', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course'},
        {to: '/docs/labs/', position: 'left', label: 'Labs'},
        {to: '/docs/playground/', position: 'left', label: 'Playground'},
        {type: 'search', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Course',
          items: [
            {label: 'Part 1: Why a service mesh', to: '/docs/why-mesh/'},
            {label: 'Production checklist', to: '/docs/practice/production-checklist/'},
          ],
        },
        {
          title: 'Practise',
          items: [
            {label: 'All labs', to: '/docs/labs/'},
            {label: 'Mesh playground', to: '/docs/playground/'},
          ],
        },
      ],
      copyright: `Service Mesh Labs. Targets Istio ${ISTIO_VERSION}. Istio is a trademark of The Linux Foundation; this course is independent of the Istio project.`,
    },
    mermaid: {theme: {light: 'neutral', dark: 'dark'}},
    prism: {
      theme: accessibleLightCodeTheme,
      darkTheme: prismThemes.dracula,
      // prism-react-renderer's own bundled grammars are removed (src/plugins/prism-languages): only
      // the languages the course's code fences use are registered.
      additionalLanguages: [...PRISM_LANGUAGES],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
