// nanostores reads process.env.NODE_ENV (bundlers replace it; the test server doesn't).
globalThis.process ??= { env: { NODE_ENV: 'development' } };
