/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */
const sidebars = {
  guides: [
    { type: 'doc', id: 'ironclad', label: 'Ironclad guide' },
    { type: 'doc', id: 'guides/accounts-section', label: 'Link accounts' },
  ],
};

export default sidebars;
