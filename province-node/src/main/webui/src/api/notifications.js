// Each person's notification centre: what waits for them, read or not, and whether it also comes by e-mail.
import { api } from '@shared/api.js'
import { seg } from './path.js'

export const notificationApi = {
  mine: unread => api.get('/notifications', { unread, limit: 200 }),
  unread: () => api.get('/notifications/unread'),
  read: id => api.post(`/notifications/${seg(id)}/read`),
  readAll: () => api.post('/notifications/read-all'),
  settings: () => api.get('/notifications/settings'),
  change: settings => api.post('/notifications/settings', settings)
}
