/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // office-addin-mock loads office-addin-manifest only for its OfficeApp enum; the real package pulls an ESM-only
  // dependency that jest 30 cannot require, so tests get a small stub with the same enum.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/tests/support/office-mock-manifest-stub.ts",
  },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true, jsx: "react-jsx" } }],
  },
};
