// The roles a token carries, as the server spells them (web-edge Roles.java; roles.test.js holds the two equal).
// A console's routes and menu groups name them from here only.
export const ROLES = Object.freeze({
  OPERATOR: 'operator',
  FINANCE: 'finance',
  ENTERPRISE: 'enterprise',
  PROVIDER: 'provider',
  AGENT: 'agent',
  APPLICANT: 'applicant',
  TASKGROUP: 'taskgroup'
})
