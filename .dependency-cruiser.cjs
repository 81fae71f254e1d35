// The layering, checked on every `npm test`: arrows point down only.
//   html → main → cases / ui / reminders → mail / sheets → session / core
/** @type {import('dependency-cruiser').IConfiguration} */
const layer = (name, may) => ({
  name: `${name}-layer`,
  comment: `src/${name} may import only ${may.join(', ')}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...may.map((m) => `^src/${m}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing outside src/core (no adapter, no Node module)',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    layer('session', []),
    layer('sheets', ['core', 'session']),
    layer('mail', ['core']),
    layer('cases', ['core', 'sheets', 'mail', 'session']),
    layer('reminders', ['core', 'sheets', 'mail', 'session']),
    layer('ui', ['core', 'sheets', 'cases', 'session']),
    {
      name: 'nothing-imports-main',
      comment: 'src/main.ts holds the entry points; only the pages may refer to it, and only for types',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'pages-use-types-only',
      comment: 'the sidebar and dialogs may run core code, and see any other server module only as types',
      severity: 'error',
      from: { path: '^html/' },
      to: { path: '^src/', pathNot: '^src/core/', dependencyTypesNot: ['type-only', 'type-import', 'triple-slash-file-reference'] },
    },
    {
      name: 'no-test-code-in-the-add-on',
      severity: 'error',
      from: { path: '^(src|html)/' },
      to: { path: '^(fakes|test|preview|scripts)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
