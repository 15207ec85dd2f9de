import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { shared, sharedTests } from '../../../../services/webui-shared/vite.shared.mjs'

// The console is built by Maven into the app's META-INF/resources and served by the app itself (no CDN);
// what the node's and the hub's consoles share lives in services/webui-shared. Its unit tests (Vitest) are this
// console's and the shared sources'.
export default defineConfig({ plugins: [vue()], ...shared, test: sharedTests({ withShared: true }) })
