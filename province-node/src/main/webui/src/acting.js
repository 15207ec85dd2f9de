// Whose enterprise pages these are: the signed-in enterprise's own, or, for a service point (P9), the enterprise
// it chose among those whose mandate is in force (the node checks the mandate on every call).
import { computed, reactive } from 'vue'
import { session, hasRole } from '@shared/auth.js'
import { ROLES } from '@shared/roles.js'

const chosen = reactive({ uscc: sessionStorage.getItem('yrd.actingFor') })

export function actFor(uscc) {
  chosen.uscc = uscc
  sessionStorage.setItem('yrd.actingFor', uscc)
}

export const enterpriseUscc = computed(() => (hasRole([ROLES.ENTERPRISE]) ? session.uscc : chosen.uscc))
