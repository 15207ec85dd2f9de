import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is built by Maven into the app's META-INF/resources and served by the app itself (no CDN).
// What the node's and the hub's consoles share lives in services/webui-shared; its imports resolve here.
export default defineConfig({
  plugins: [vue()],
  base: './',
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../../../../services/webui-shared/src', import.meta.url)) },
    dedupe: ['vue', 'vue-router', 'vue-i18n', 'element-plus', '@element-plus/icons-vue', 'echarts', 'oidc-client-ts']
  },
  build: { chunkSizeWarningLimit: 2000 }
})
