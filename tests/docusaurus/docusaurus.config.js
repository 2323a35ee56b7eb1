// A minimal Docusaurus 3 site for the end-to-end tests: the seed guide
// (docs/ironclad.mdx, copied in by build.sh) and a second page to navigate to,
// with the guide-scopes release build (static/guide-scopes/, copied in by
// build.sh) added to every page the way a real docs site would add it.
// Served by tests/e2e/server.mjs under /docusaurus/.

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'guide-scopes on Docusaurus',
  url: 'http://127.0.0.1',
  baseUrl: '/docusaurus/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  i18n: { defaultLocale: 'en', locales: ['en'] },
  // No favicon file: an empty data: icon keeps the browser from asking for
  // /favicon.ico, whose 404 would be a console error in the tests.
  headTags: [{ tagName: 'link', attributes: { rel: 'icon', href: 'data:,' } }],

  scripts: [{ src: '/docusaurus/guide-scopes/guide-scopes-embed.js', defer: true }],
  stylesheets: ['/docusaurus/guide-scopes/guide-scopes.css'],

  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: { routeBasePath: '/', sidebarPath: './sidebars.js' },
        blog: false,
        pages: false,
      }),
    ],
  ],

  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      // The default: the navbar's light/dark switch, starting light.
      colorMode: { defaultMode: 'light', disableSwitch: false, respectPrefersColorScheme: false },
      navbar: {
        title: 'guide-scopes',
        items: [
          { type: 'doc', docId: 'ironclad', label: 'Ironclad guide', position: 'left' },
          { type: 'doc', docId: 'guides/accounts-section', label: 'Link accounts', position: 'left' },
        ],
      },
    }),
};

export default config;
