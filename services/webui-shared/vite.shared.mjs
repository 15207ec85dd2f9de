// The Vite settings both consoles share: relative asset paths (the app serves them), @shared pointing here, and the
// shared sources' imports resolved to the console's own pinned packages.
import { fileURLToPath, URL } from 'node:url'

export const shared = {
  base: './',
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./src', import.meta.url)) },
    dedupe: ['vue', 'vue-router', 'vue-i18n', 'element-plus', 'echarts', 'oidc-client-ts']
  },
  build: { chunkSizeWarningLimit: 2000 }
}

// The consoles' unit tests (Vitest, in Node): each console's own, and (in one of them) the shared sources', all found
// from the repository's root so that both paths are globs Vitest accepts.
const root = fileURLToPath(new URL('../..', import.meta.url))
export function sharedTests({ withShared }) {
  return {
    dir: root,
    include: [
      (process.cwd().slice(root.length) + '/src/**/*.test.js').replace(/^\//, ''),
      ...(withShared ? ['services/webui-shared/src/**/*.test.js'] : [])
    ],
    exclude: ['**/node_modules/**'],
    environment: 'node'
  }
}
