// Three suites: unit (the pure core), integration (dist/Code.js against the fakes),
// e2e (the local preview in a real Chromium). `npm test` builds first.
const ts = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const e2eTs = ['ts-jest', { tsconfig: 'tsconfig.e2e.json' }];

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform: { '^.+\\.ts$': ts }, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ts },
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    { displayName: 'e2e', testEnvironment: 'node', transform: { '^.+\\.ts$': e2eTs }, testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
