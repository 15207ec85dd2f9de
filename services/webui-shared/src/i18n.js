// Languages: zh-CN first (Element Plus's own zh-CN texts too), English on the switch; the choice is kept.
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

const common = { 'zh-CN': zhCN, en }

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('yrd.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  missingWarn: false,
  fallbackWarn: false,
  messages: common
})

/** Adds a console's own texts to the common ones. */
export function addMessages(messages) {
  for (const [locale, m] of Object.entries(messages)) {
    i18n.global.mergeLocaleMessage(locale, m)
  }
}

export function switchLocale() {
  const next = i18n.global.locale.value === 'en' ? 'zh-CN' : 'en'
  i18n.global.locale.value = next
  localStorage.setItem('yrd.locale', next)
  document.documentElement.lang = next
}
