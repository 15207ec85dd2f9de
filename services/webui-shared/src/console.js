// Starts a console: its texts, the session (back from the sign-in page if that is where we come from), its
// pages (hash routes, so the app serves one index.html) and the frame.
import { createApp } from 'vue'
import { createRouter, createWebHashHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import AppShell from './AppShell.vue'
import NotFound from './NotFound.vue'
import { i18n, addMessages } from './i18n.js'
import { startSession } from './auth.js'

/** A route of a console: its menu group, the roles it is offered to (null: everyone) and its menu title. */
export const page = (path, name, group, roles, load) => ({ path, name, component: load, meta: { group, roles, title: `menu.${name}` } })

/** headerExtra: a component the header shows beside the signed-in person (the node's notification bell). */
export async function startConsole({ titleKey, messages, routes, groups, headerExtra }) {
  addMessages(messages)
  document.documentElement.lang = i18n.global.locale.value
  await startSession()
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [...routes.map((r, i) => ({ ...r, meta: { ...r.meta, order: i } })), { path: '/:rest(.*)*', name: 'not-found', component: NotFound, meta: { hidden: true, title: 'app.notFound' } }]
  })
  const app = createApp(AppShell, { titleKey, groups, headerExtra })
  app.use(ElementPlus)
  app.use(i18n)
  app.use(router)
  await router.isReady().catch(() => {})
  app.mount('#app')
  return app
}
