// Loading and acting from a page: what went wrong is shown in the reader's language, as the API explained it.
import { onMounted, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from './i18n.js'

export function useLoad(loader, { immediate = true, initial = null } = {}) {
  const data = ref(initial)
  const loading = ref(false)
  const error = ref(null)
  async function reload() {
    loading.value = true
    error.value = null
    try {
      data.value = await loader()
    } catch (e) {
      error.value = e.message
    } finally {
      loading.value = false
    }
  }
  if (immediate) onMounted(reload)
  return { data, loading, error, reload }
}

/** Runs an action; says it was done, or shows the API's problem (the field and the rule). Returns null on failure. */
export async function act(action, done) {
  try {
    const result = await action()
    ElMessage.success(done || i18n.global.t('app.done'))
    return result === undefined ? true : result
  } catch (e) {
    ElMessage({ type: 'error', message: e.message, duration: 8000, showClose: true })
    return null
  }
}

/** Asks for the reason a decision needs (audited with it); null if the person cancels. */
export async function askReason(title) {
  const t = i18n.global.t
  try {
    const { value } = await ElMessageBox.prompt(t('app.reason'), title, {
      confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'),
      inputValidator: v => (v && v.trim().length > 0) || t('app.reasonRequired'), inputType: 'textarea'
    })
    return value.trim()
  } catch (e) {
    return null
  }
}
