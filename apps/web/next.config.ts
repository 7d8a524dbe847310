import type { NextConfig } from 'next';

const config: NextConfig = {
  // The workspace packages export TypeScript source.
  transpilePackages: ['@opsledger/api', '@opsledger/client', '@opsledger/db', '@opsledger/domain'],
  // Drivers load native/wasm assets from their own folders: bundling them breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
};

export default config;
