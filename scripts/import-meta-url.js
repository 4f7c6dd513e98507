// esbuild inject: gives CommonJS bundles the import.meta.url that the ESM sources use.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
