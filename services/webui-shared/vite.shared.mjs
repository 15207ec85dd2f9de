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
