// The consoles in a real browser: Debian Chromium driven by playwright-core, signing in at the real Keycloak.
// Each role does its part of a cross-region redemption through its own console; every page visited is checked by
// axe-core (no serious or critical violation) and kept as a screenshot. FederationIT runs this against the
// federation it started; it prepares the parties and passes them in the environment:
//   SH, ZJ, HUB              the apps' URLs
//   LAB                      an admitted Shanghai lab (user: its code in lower case)
//   SH_APPLICANT             a Shanghai enterprise whose application waits for an operator
//   ZJ_ENTERPRISE            a Zhejiang company known only to the legal-person identity platform (realm yrd-gov, user: its
//                            code in lower case): no account at Zhejiang's realm, not registered at its node
//   ZJ_REGISTRANT            an account name to register at ZJ's own sign-in page (no government identity), and
//   ZJ_REGISTRANT_USCC       the company it asks to act for (an operator confirms it in the browser)
//   OUT                      where screenshots go (whole pages; SHOTS=viewport: the first screen, as docs/guide.md shows)
// Exit code 0 when everything held; otherwise each failure is printed.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')
const env = process.env
const OUT = env.OUT || 'target/browser'
mkdirSync(OUT, { recursive: true })
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const accessibility = []
const audited = []

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function step(name, body) {
  const started = Date.now()
  process.stdout.write(`- ${name} … `)
  await body()
  console.log(`ok (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

async function person(viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return page
}

/** Opens a page of a console that needs a role: the console sends the visitor to Keycloak's sign-in page first. */
async function signIn(page, base, hash, username) {
  await page.goto(`${base}/#${hash}`)
  await page.waitForSelector('#username')
  await page.fill('#username', username)
  await page.fill('#password', 'demo')
  await page.click('#kc-login')
  await page.waitForSelector('[data-test=who]')
  await settle(page)
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
}

async function open(page, base, hash) {
  await page.goto(`${base}/#${hash}`)
  await settle(page)
}

/** axe-core on the page as it is now (serious and critical violations are failures), and a screenshot. */
async function audit(page, name) {
  await page.waitForTimeout(500) // Element Plus fades messages, tags and pop-ups in and out: judge the settled page
  await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  for (const v of bad) {
    accessibility.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
  }
  audited.push(name)
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: env.SHOTS !== 'viewport' })
}

/** On a phone: the page is no wider than the screen (tables scroll in place), its main control is on screen, axe-core passes. */
async function onThePhone(page, name, control) {
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
  expect(width[0] <= width[1] + 1, `${name}: the page is ${width[0]} px wide on a ${width[1]} px screen`)
  if (control) {
    const box = await page.locator(control).first().boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= width[1] + 1, `${name}: ${control} is on the screen (${JSON.stringify(box)})`)
  }
  await audit(page, 'phone-' + name)
}

async function heading(page) {
  return (await page.textContent('h1.page-title')).trim()
}

/** Answers the reason box of a decision and waits for the console to say it was done. */
async function giveReason(page, reason) {
  await page.fill('.el-message-box textarea', reason)
  await page.click('.el-message-box__btns .el-button--primary')
  await page.waitForSelector('.el-message--success')
}

async function until(what, probe, seconds = 45) {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    if (await probe()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 1000))
  }
}

/**
 * Double-clicks a submit button, as an impatient person does, and proves that one request left the browser: the
 * console disables the button while it sends and gives a repeat of a submission on its way the first one's answer.
 */
async function doubleClickSendsOnce(page, selector, path) {
  let posts = 0
  const count = r => { if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(path)) posts++ }
  page.on('request', count)
  const answered = page.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(path))
  await page.dblclick(selector)
  await answered
  await page.waitForTimeout(1500)
  page.off('request', count)
  expect(posts === 1, `one ${path} request for a double click (sent ${posts})`)
}

async function rowsText(page, selector) {
  return (await page.locator(`${selector} .el-table__body-wrapper`).innerText()).replace(/\s+/g, ' ')
}

try {
  await step('the public pages of a node, in Chinese and in English, without signing in', async () => {
    const page = await person()
    await open(page, env.SH, '/')
    expect(await heading(page) === '政策与通知', `the public home page's heading is "${await heading(page)}"`)
    expect((await page.textContent('[data-test=mode]')).includes('事后补助'), 'the policy in force shows its mode in Chinese')
    await audit(page, 'node-public-policy')
    await page.click('[data-test=locale]')
    await page.waitForFunction(() => document.querySelector('h1.page-title').textContent.trim() === 'Policy and notices')
    expect((await page.textContent('[data-test=mode]')).includes('Post-subsidy'), 'the English switch translates the policy')
    expect(await page.getAttribute('html', 'lang') === 'en', 'the page says it is in English')
    await audit(page, 'node-public-policy-en')
    await page.click('[data-test=locale]')
    for (const [hash, name] of [['/providers', 'providers'], ['/recipients', 'recipients'], ['/negative-list', 'negative-list'],
      ['/notices', 'notices'], ['/draws', 'draws'], ['/report', 'report']]) {
      await open(page, env.SH, hash)
      await audit(page, 'node-public-' + name)
    }
    expect(await page.locator('[data-test^=menu-]').count() === 7, 'the public sees only the public menu')
  })

  await step("Shanghai's operator approves an application waiting above the auto-approval threshold", async () => {
    const page = await person()
    await signIn(page, env.SH, '/operator', 'operator-1')
    expect((await page.textContent('[data-test=budget]')).includes('¥'), "the operator's home shows the budget")
    await audit(page, 'operator-home')
    await open(page, env.SH, '/operator/applications')
    // the queue searched by the applicant's code as typed (lower case), and exported as found
    await page.fill('input[data-test=search]', env.SH_APPLICANT.toLowerCase())
    await page.click('[data-test=search-submit]')
    const row = page.locator('[data-test=pending-applications] .el-table__row', { hasText: env.SH_APPLICANT })
    await row.waitFor()
    expect(await page.locator('[data-test=pending-applications] .el-table__row').count() === 1, 'the search finds the one application')
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export-xlsx]')])
    const bytes = readFileSync(await xlsx.path())
    expect(xlsx.suggestedFilename().endsWith('.xlsx') && bytes.subarray(0, 2).toString() === 'PK',
      `the export is an Excel workbook (${xlsx.suggestedFilename()}, ${bytes.length} bytes)`)
    await audit(page, 'operator-applications')
    await row.locator('[data-test=approve-application]').click()
    await giveReason(page, '材料齐全，同意发放')
    await page.locator('[data-test=pending-applications] .el-table__row', { hasText: env.SH_APPLICANT }).waitFor({ state: 'detached' })
    for (const [hash, name] of [['/operator/redemptions', 'redemptions'], ['/operator/risk-flags', 'risk-flags'], ['/operator/providers', 'admissions'],
      ['/operator/negative-list', 'negative-list'], ['/operator/reports', 'reports'], ['/operator/policy', 'policy'], ['/operator/draws', 'draws'],
      ['/operator/notices', 'notices'], ['/operator/ledger', 'ledger'], ['/operator/quarantine', 'quarantine'], ['/operator/accounts', 'accounts']]) {
      await open(page, env.SH, hash)
      await audit(page, 'operator-' + name)
    }
    await open(page, env.SH, '/operator/audit')
    expect((await rowsText(page, '[data-test=audit]')).includes('application.approve'), 'the approval is in the audit trail')
    await page.click('[data-test=verify]')
    await page.waitForSelector('[data-test=verification]')
    await audit(page, 'operator-audit')
  })

  let redemptionInvoice
  await step('a Zhejiang company signs in with the government identity, registers, is issued a voucher and files a redemption with the Shanghai lab from the YRD catalogue', async () => {
    const page = await person()
    const uscc = env.ZJ_ENTERPRISE
    await open(page, env.ZJ, '/')
    await audit(page, 'sign-in-choices')
    await page.click('[data-test=sign-in-gov]')
    // straight to the identity platform's sign-in page (kc_idp_hint), not Zhejiang's own
    await page.waitForSelector('#username')
    expect(new URL(page.url()).pathname.startsWith('/realms/yrd-gov/'), `at the identity platform: ${page.url()}`)
    await page.screenshot({ path: `${OUT}/gov-sign-in.png` }) // Keycloak's page (the platform's own in production): not audited here
    await page.fill('#username', uscc.toLowerCase())
    await page.fill('#password', 'demo')
    await page.click('#kc-login')
    await page.waitForSelector('[data-test=who]')
    expect((await page.textContent('[data-test=who]')).includes(uscc), 'signed in at Zhejiang with the USCC the platform vouched for')
    await open(page, env.ZJ, '/enterprise')
    await page.waitForSelector('#reg-uscc')
    await page.fill('#reg-uscc', uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'))
    await page.waitForSelector('text=校验位不正确')
    await page.fill('#reg-uscc', uscc)
    await page.waitForSelector('text=校验位不正确', { state: 'detached' })
    await page.fill('#reg-name', '浙江浏览器测试科技有限公司')
    await page.fill('#reg-sme', 'R' + uscc.slice(9, 17))
    await page.fill('#reg-district', '330106')
    await audit(page, 'enterprise-register')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=enterprise-profile]')

    await open(page, env.ZJ, '/enterprise/apply')
    await page.fill('input[data-test=apply-amount]', '10000')
    await doubleClickSendsOnce(page, '[data-test=apply-submit]', '/applications')
    await page.locator('[data-test=applications] .el-table__row', { hasText: '已通过' }).waitFor()
    expect(await page.locator('[data-test=applications] .el-table__row').count() === 1, 'one application for a double click')
    await audit(page, 'enterprise-apply')
    await open(page, env.ZJ, '/enterprise/vouchers')
    expect((await rowsText(page, '[data-test=vouchers]')).includes('¥10,000.00'), 'the voucher of 10,000 yuan is listed')
    await audit(page, 'enterprise-vouchers')

    await open(page, env.ZJ, '/enterprise/redeem')
    await page.click('[data-test=redeem-voucher]')
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await page.locator('[data-test=provider-source] label').nth(1).click()
    await page.fill('input[data-test=filter-name]', env.LAB)
    await page.locator('[data-test=provider-choice] .el-table__row').first().click()
    expect((await page.textContent('[data-test=chosen-provider]')).includes(env.LAB), 'the lab chosen from the YRD catalogue')
    redemptionInvoice = 'FP-UI-' + Date.now()
    await page.fill('input[data-test=redeem-contract]', 'HT-UI-' + Date.now())
    await page.fill('input[data-test=redeem-invoice]', redemptionInvoice)
    expect((await page.textContent('[data-test=invoice-key]')).includes(redemptionInvoice.replace(/-/g, '')),
      'the form shows the invoice as the node compares it')
    await page.fill('input[data-test=redeem-actual]', '12000')
    await page.fill('input[data-test=redeem-requested]', '8000')
    await page.fill('#redeem-date', today)
    await page.keyboard.press('Enter')
    // P6 in Zhejiang: 50 % of 12,000 yuan, below the 8,000 requested
    await page.waitForFunction(() => document.querySelector('[data-test=computed-amount]').textContent.includes('6,000.00'))
    await audit(page, 'enterprise-redeem')
    await doubleClickSendsOnce(page, '[data-test=redeem-submit]', '/redemptions')
    await page.waitForURL(/enterprise\/redemptions/)
    await page.locator('[data-test=my-redemptions] .el-table__row', { hasText: '待机构确认' }).waitFor()
    expect(await page.locator('[data-test=my-redemptions] .el-table__row').count() === 1, 'one redemption for a double click')
    // its timeline says who did what when: the enterprise filed it
    await page.locator('[data-test=my-redemptions] .el-table__expand-icon').first().click()
    await page.locator('[data-test=step-who]', { hasText: '浙江浏览器测试科技有限公司' }).waitFor()
    await audit(page, 'enterprise-redemptions')

    await open(page, env.ZJ, '/operator/applications')
    await page.waitForSelector('[data-test=forbidden]')
    expect(await page.locator('[data-test=menu-applications]').count() === 0, "an enterprise's menu has no operator pages")
    await audit(page, 'enterprise-forbidden')
  })

  await step('the Shanghai lab confirms the service in its own node\'s console', async () => {
    const page = await person()
    await signIn(page, env.SH, '/provider/requests', env.LAB.toLowerCase())
    const row = page.locator('[data-test=incoming] .el-table__row', { hasText: env.ZJ_ENTERPRISE })
    await until('the request from Zhejiang at the lab', async () => {
      if (await row.count() > 0) return true
      await open(page, env.SH, '/provider/requests')
      return false
    })
    await audit(page, 'provider-requests')
    await row.locator('[data-test=confirm-incoming]').click()
    await page.waitForSelector('.el-message--success')
    await page.waitForFunction(u => [...document.querySelectorAll('[data-test=incoming] .el-table__row')]
      .some(r => r.textContent.includes(u) && r.textContent.includes('已确认')), env.ZJ_ENTERPRISE)
    // the request from Zhejiang was announced in the lab's notification centre, and the header counted it
    await open(page, env.SH, '/notifications')
    const told = page.locator('[data-test=notification-list] .el-table__row', { hasText: '请您确认服务' })
    await told.first().waitFor()
    expect(Number(await page.textContent('[data-test=unread-count]')) >= 1, 'the header counts the unread notification')
    await audit(page, 'notifications')
    await told.first().locator('[data-test=mark-read]').click()
    await page.waitForSelector('.el-message--success')
    await open(page, env.SH, '/provider')
    await audit(page, 'provider-home')
  })

  await step("Zhejiang's finance officer pays it, and signs out", async () => {
    const page = await person()
    await signIn(page, env.ZJ, '/finance', 'finance-1')
    const row = page.locator('[data-test=to-pay] .el-table__row', { hasText: redemptionInvoice })
    await until('the approved redemption in the list to pay', async () => {
      if (await row.count() > 0) return true
      await open(page, env.ZJ, '/finance')
      return false
    })
    expect((await row.innerText()).includes('¥6,000.00'), 'the amount to pay is the voucher amount')
    await audit(page, 'finance-to-pay')
    await row.locator('[data-test=pay]').click()
    await page.fill('input[data-test=pay-reference]', 'BANK-UI-' + Date.now())
    await doubleClickSendsOnce(page, '[data-test=pay-submit]', '/pay')
    await page.waitForSelector('.el-message--success')
    expect(await page.locator('.el-message--error').count() === 0, 'no second payment refused: one was sent')
    await open(page, env.ZJ, '/finance/paid')
    expect((await rowsText(page, '[data-test=paid]')).includes(redemptionInvoice), 'the payment is in the paid list')
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=payment-sheet]')])
    expect(sheet.suggestedFilename().endsWith('.pdf'), `the day's payment sheet is a PDF (${sheet.suggestedFilename()})`)
    await audit(page, 'finance-paid')
    await page.click('[data-test=sign-out]')
    await page.waitForSelector('[data-test=sign-in]')
    expect(await page.locator('[data-test=who]').count() === 0, 'signed out')
  })

  await step("a company without the government identity registers at Zhejiang's sign-in page, waits for an operator, forgets its password and acts for its company once confirmed", async () => {
    const page = await person()
    const password = 'Registrant-' + Date.now()
    await page.goto(`${env.ZJ}/#/account`)
    await page.click('a[href*="login-actions/registration"]')
    await page.waitForSelector('#password-confirm')
    await page.fill('#username', env.ZJ_REGISTRANT)
    await page.fill('#email', env.ZJ_REGISTRANT + '@test.yrd.invalid')
    await page.fill('#firstName', '自助')
    await page.fill('#lastName', '注册')
    await page.fill('#password', password)
    await page.fill('#password-confirm', password)
    await page.click('form [type=submit]')
    await page.waitForSelector('[data-test=who]')
    await settle(page)
    // a new account holds nothing but "applicant": it can ask to act for a company and wait
    await open(page, env.ZJ, '/account')
    await page.fill('#bind-uscc', env.ZJ_REGISTRANT_USCC)
    await page.fill('#bind-name', '浙江自助注册浏览器科技有限公司')
    await page.click('[data-test=binding-submit]')
    await page.waitForSelector('[data-test=binding-pending]')
    await audit(page, 'account-binding-pending')
    expect(await page.locator('[data-test=menu-apply]').count() === 0, 'a pending account has no enterprise pages')
    // Zhejiang's operator checks the company and confirms
    const operator = await person()
    await signIn(operator, env.ZJ, '/operator/accounts', 'operator-1')
    const row = operator.locator('[data-test=account-bindings] .el-table__row', { hasText: env.ZJ_REGISTRANT_USCC })
    await row.waitFor()
    await row.locator('[data-test=confirm-binding]').click()
    await giveReason(operator, '营业执照与经办人身份已核验')
    await row.waitFor({ state: 'detached' })
    // the same operator finds the paid redemption of the government-identity company by its code, with its name
    // beside it, and prints its A4 approval sheet for the file
    await open(operator, env.ZJ, '/operator/redemptions')
    await operator.fill('input[data-test=search]', env.ZJ_ENTERPRISE)
    await operator.click('[data-test=search-submit]')
    const paid = operator.locator('[data-test=redemptions] .el-table__row', { hasText: '浙江浏览器测试科技有限公司' })
    await paid.first().waitFor()
    await paid.first().locator('.el-table__expand-icon').click()
    const [sheet] = await Promise.all([operator.waitForEvent('download'), operator.click('[data-test=approval-sheet]')])
    const pdf = readFileSync(await sheet.path())
    expect(sheet.suggestedFilename().endsWith('.pdf') && pdf.subarray(0, 5).toString() === '%PDF-',
      `the approval sheet is a PDF (${sheet.suggestedFilename()}, ${pdf.length} bytes)`)
    // the registrant signs out, has forgotten its password (Keycloak mails it a link: FederationIT reads it over
    // IMAP), remembers it after all and signs in: its new token acts for the company
    await page.click('[data-test=sign-out]')
    await page.waitForSelector('[data-test=sign-in]')
    await page.click('[data-test=sign-in]')
    await page.click('a[href*="login-actions/reset-credentials"]')
    await page.fill('#username', env.ZJ_REGISTRANT)
    await page.click('form [type=submit]')
    await page.waitForSelector('#password')
    expect(/email|邮件/i.test(await page.textContent('body')), 'Keycloak says a mail is on its way')
    await page.fill('#username', env.ZJ_REGISTRANT)
    await page.fill('#password', password)
    await page.click('#kc-login')
    await page.waitForSelector('[data-test=who]')
    await settle(page)
    expect((await page.textContent('[data-test=who]')).includes(env.ZJ_REGISTRANT_USCC), 'signed in for the confirmed company')
  })

  await step('the enterprise and the provider use their screens on a phone, 390 px wide', async () => {
    const phone = { width: 390, height: 844 }
    const page = await person(phone)
    await open(page, env.ZJ, '/')
    await page.click('[data-test=sign-in-gov]')
    await page.waitForSelector('#username')
    await page.fill('#username', env.ZJ_ENTERPRISE.toLowerCase())
    await page.fill('#password', 'demo')
    await page.click('#kc-login')
    await page.waitForSelector('[data-test=who]')
    for (const [hash, name, control] of [['/enterprise', 'enterprise-home', '[data-test=enterprise-profile]'],
      ['/enterprise/apply', 'enterprise-apply', 'input[data-test=apply-amount]'], ['/enterprise/vouchers', 'enterprise-vouchers', '[data-test=vouchers]'],
      ['/enterprise/redeem', 'enterprise-redeem', '[data-test=redeem-voucher]'], ['/enterprise/redemptions', 'enterprise-redemptions', '[data-test=my-redemptions]'],
      ['/notifications', 'enterprise-notifications', '[data-test=notification-list]']]) {
      await open(page, env.ZJ, hash)
      await onThePhone(page, name, control)
    }
    const lab = await person(phone)
    await signIn(lab, env.SH, '/provider', env.LAB.toLowerCase())
    for (const [hash, name, control] of [['/provider', 'provider-home', null], ['/provider/requests', 'provider-requests', '[data-test=incoming]'],
      ['/notifications', 'provider-notifications', '[data-test=notification-list]']]) {
      await open(lab, env.SH, hash)
      await onThePhone(lab, name, control)
    }
  })

  await step("the hub's public pages and the task group's dashboard show the flow from Zhejiang to Shanghai", async () => {
    const page = await person()
    for (const [hash, name] of [['/', 'catalogue'], ['/negative-list', 'negative-list'], ['/notices', 'notices'],
      ['/quality-library', 'quality-library'], ['/provider-report', 'provider-report']]) {
      await open(page, env.HUB, hash)
      await audit(page, 'hub-public-' + name)
    }
    await signIn(page, env.HUB, '/taskgroup', 'taskgroup-1')
    await until('the flow at the hub', async () => {
      await open(page, env.HUB, '/taskgroup')
      return (await rowsText(page, '[data-test=flows]')).includes('浙江 上海')
    })
    await audit(page, 'hub-dashboard')
    for (const kind of ['pdf', 'xlsx']) {
      const [report] = await Promise.all([page.waitForEvent('download'), page.click(`[data-test=annual-${kind}]`)])
      expect(report.suggestedFilename().endsWith('.' + kind), `the annual report as ${kind} (${report.suggestedFilename()})`)
    }
    for (const [hash, name] of [['/taskgroup/reconciliation', 'reconciliation'], ['/taskgroup/cities', 'cities'], ['/taskgroup/risk', 'risk'],
      ['/taskgroup/provider-reports', 'provider-reports'], ['/taskgroup/quarantine', 'quarantine']]) {
      await open(page, env.HUB, hash)
      await audit(page, 'hub-' + name)
    }
  })
} catch (e) {
  console.log('FAILED')
  console.log(e.stack || String(e))
  await browser.close()
  process.exit(1)
}
await browser.close()
console.log(`axe-core checked ${audited.length} pages`)
if (accessibility.length) {
  console.log('accessibility violations (serious or critical):')
  accessibility.forEach(a => console.log('  ' + a))
  process.exit(2)
}
console.log('all held')
