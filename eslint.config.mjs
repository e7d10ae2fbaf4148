// Flat ESLint config: typescript-eslint's type-aware recommended rules for everything we write, and
// a hard ban on `any` in the library (its .d.ts files are our public contract).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import zixflowLayers from './scripts/eslint/zixflow-layers.plugin.cjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.scratch/**',
      'scripts/package-consumers/**',
      'eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { zixflow: zixflowLayers },
    rules: { 'zixflow/layers': 'error' },
  },
  // The inbox page's script (browser/) and the modules it shares with the sandbox (shared/) run in a
  // browser under a strict Content-Security-Policy. These rules keep message content from ever
  // becoming markup, code, a style or a live link, and the page from talking to anyone but the
  // sandbox; the Chromium suite (test/inbox-browser.e2e-spec.ts) checks the page as it runs.
  {
    files: ['src/zixflow/testing/inbox/browser/**/*.ts', 'src/zixflow/testing/inbox/shared/**/*.ts'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        EventSource: 'readonly',
        URL: 'readonly',
        HTMLElement: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // shared/ is compiled for Node too: only what both have.
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The inbox page runs in a browser: Node globals do not exist there.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment'].map(
          (property) => ({ property, message: 'Build nodes with make() and textContent: markup could run code.' }),
        ),
        { property: 'parseFromString', message: 'Build nodes with make() and textContent: markup could run code.' },
        { object: 'document', property: 'write', message: 'Build nodes with make() and textContent.' },
        { object: 'document', property: 'writeln', message: 'Build nodes with make() and textContent.' },
        { property: 'srcdoc', message: 'The page frames nothing.' },
        { property: 'style', message: "Style lives in the stylesheets (CSP style-src 'self'): set a class instead." },
        { property: 'cssText', message: "Style lives in the stylesheets (CSP style-src 'self'): set a class instead." },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(href|src|action|formAction|data)$/]',
          message: 'Addresses come only from linkOrText(), which sets an href after httpHref() accepted it.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^on[a-z]+$/]',
          message: 'Use addEventListener: handler properties are how inline handlers get in.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^setAttribute(NS)?$/] > Literal.arguments[value=/^(href|src|srcdoc|style|action|formaction|xlink:href|on.*)$/i]',
          message:
            'No addresses, styles or handlers through attributes: use linkOrText(), a class or addEventListener.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^createElement(NS)?$/] > Literal.arguments[value=/^(script|style|link|iframe|frame|img|image|object|embed|base|meta|form|use|foreignObject)$/i]',
          message:
            'The page creates nothing that loads or runs anything: text, layout elements and constant icons only.',
        },
        {
          // An absolute or protocol-relative URL (the SVG namespace is a name, not an address).
          selector: 'Literal[value=/^(https?:)?\\x2F\\x2F(?!www\\.w3\\.org\\x2F2000\\x2Fsvg$)/i]',
          message: 'The page talks only to its own origin: use the paths in INBOX_API_PATHS.',
        },
        {
          selector: 'TemplateElement[value.raw=/(https?:)?\\x2F\\x2F/i]',
          message: 'The page talks only to its own origin: use the paths in INBOX_API_PATHS.',
        },
        {
          // The browser loads modules by URL: `./inbox-dom` would be a 404, `./inbox-dom.js` is the file.
          selector: 'ImportDeclaration[importKind!="type"][source.value=/^\\.\\.?\\x2F(?!.*\\.js$)/]',
          message: 'Browser modules import with the .js extension, the name the browser fetches.',
        },
        { selector: 'ImportExpression', message: 'Import modules statically, so the page loads them all up front.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
