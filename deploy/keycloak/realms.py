#!/usr/bin/env python3
"""Writes deploy/keycloak/realms/*.json: one realm per province (yrd-sh, yrd-js, yrd-zj, yrd-ah) and the task
group's (yrd-hub), with a demo user for every role, the demo data's enterprises and providers included; and
yrd-gov, which plays the provinces' legal-person identity platform (政务服务网法人认证): companies known there by
their USCC sign in to a province realm through it (OIDC identity brokering, docs/security.md).
Run it after changing this file; the JSON files are what Keycloak imports (deploy/keycloak/start.sh, which also
puts the port Keycloak listens on in place of 8180). Every demo password is "demo"."""
import json
import pathlib

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
PROVINCES = {  # code: (division prefix, the demo enterprises' district, name)
    "SH": ("31", "310115", "上海市"), "JS": ("32", "320505", "江苏省"),
    "ZJ": ("33", "330106", "浙江省"), "AH": ("34", "340104", "安徽省"),
}
PORTS = {"SH": 8081, "JS": 8082, "ZJ": 8083, "AH": 8084, "HUB": 8090}
KEYCLOAK = "http://localhost:8180"
GOV_ALIAS = "gov"
GOV_CLIENT = "yrd-broker"
# the province realms' broker authenticates to the identity platform with this secret (demo only: a province sets
# the one its platform issued, docs/security.md)
GOV_SECRET = "yrd-broker-demo-secret"
# what a company is at the identity platform, and the one role it gets at a province (P9's service point: agent)
KINDS = {"enterprise": "enterprise", "provider": "provider", "service-point": "agent"}
# the node's service account at its realm: it gives a self-registered account the USCC and role an operator confirmed
NODE_ADMIN = "yrd-node-admin"
NODE_ADMIN_SECRET = "yrd-node-admin-demo-secret"


def uscc(district, n, series="DEM"):
    """The USCCs DemoData registers (province-node demo/DemoData.uscc); series GWY: companies known only to the
    identity platform."""
    first17 = "91" + district + series + "%06d" % n
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def attribute(name, display):
    # only an administrator sets them: a user who could edit its own province or USCC could act as another
    return {"name": name, "displayName": display, "multivalued": False,
            "permissions": {"view": ["admin", "user"], "edit": ["admin"]}}


def profile(*extra):
    person = {"view": ["admin", "user"], "edit": ["admin", "user"]}
    return {"attributes": [
        {"name": "username", "displayName": "${username}", "permissions": {"view": ["admin", "user"], "edit": ["admin"]},
         "validations": {"length": {"min": 3, "max": 255}, "username-prohibited-characters": {},
                         "up-username-not-idn-homograph": {}}},
        {"name": "email", "displayName": "${email}", "permissions": person,
         "validations": {"email": {}, "length": {"max": 255}}},
        {"name": "firstName", "displayName": "${firstName}", "permissions": person,
         "validations": {"length": {"max": 255}}},
        {"name": "lastName", "displayName": "${lastName}", "permissions": person,
         "validations": {"length": {"max": 255}}},
        attribute("province", "Province"),
        attribute("uscc", "USCC"),
        *extra,
    ], "groups": []}


def mapper(name, mapper_type, config):
    return {"name": name, "protocol": "openid-connect", "protocolMapper": mapper_type,
            "config": config}


def claim(name, attribute_name=None):
    return mapper(name, "oidc-usermodel-attribute-mapper", {
        "user.attribute": attribute_name or name, "claim.name": name, "jsonType.label": "String",
        "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true"})


def user(username, role, first, last, **attributes):
    return {"username": username, "enabled": True, "emailVerified": True, "firstName": first, "lastName": last,
            "email": username + "@demo.yrd.invalid",
            "attributes": {k: [v] for k, v in attributes.items()},
            "credentials": [{"type": "password", "value": "demo", "temporary": False}],
            "realmRoles": [role] if role else []}


def realm(name, display, audience, roles, users, port, user_profile=None, **extra):
    return {
        "realm": name, "displayName": display, "enabled": True,
        "accessTokenLifespan": 900, "ssoSessionIdleTimeout": 1800,
        "bruteForceProtected": True, "failureFactor": 10,
        "roles": {"realm": [{"name": r} for r in roles]},
        "components": {"org.keycloak.userprofile.UserProfileProvider": [{
            "providerId": "declarative-user-profile", "subComponents": {},
            "config": {"kc.user.profile.config": [json.dumps(user_profile or profile(), ensure_ascii=False)]}}]},
        "clients": [{
            "clientId": "yrd-console", "name": "YRD voucher console", "enabled": True, "publicClient": True,
            "standardFlowEnabled": True, "directAccessGrantsEnabled": True, "implicitFlowEnabled": False,
            "redirectUris": ["http://localhost:%d/*" % port], "webOrigins": ["+"],
            "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+"},
            "protocolMappers": [
                # Keycloak puts no aud into an access token by default: the apps check this one
                mapper("audience", "oidc-audience-mapper", {
                    "included.custom.audience": audience, "access.token.claim": "true", "id.token.claim": "false"}),
                claim("province"), claim("uscc")],
        }],
        "users": users,
        **extra,
    }


def government_identity(code):
    """The identity platform as the province realm's identity provider: a company's USCC comes from it at every
    sign-in (FORCE), the province is the realm's own, the role follows what the company is; none of the three is
    an attribute the user may edit (profile())."""
    base = KEYCLOAK + "/realms/yrd-gov/protocol/openid-connect"
    provider = {
        "alias": GOV_ALIAS, "displayName": "政务服务网法人认证", "providerId": "oidc", "enabled": True,
        "trustEmail": False, "storeToken": False, "linkOnly": False,
        "firstBrokerLoginFlowAlias": "first broker login",
        "config": {
            "clientId": GOV_CLIENT, "clientSecret": GOV_SECRET, "clientAuthMethod": "client_secret_post",
            "issuer": KEYCLOAK + "/realms/yrd-gov", "authorizationUrl": base + "/auth", "tokenUrl": base + "/token",
            "userInfoUrl": base + "/userinfo", "logoutUrl": base + "/logout", "jwksUrl": base + "/certs",
            "useJwksUrl": "true", "validateSignature": "true", "pkceEnabled": "true", "pkceMethod": "S256",
            "defaultScope": "openid", "syncMode": "FORCE", "guiOrder": "1"}}

    def idp_mapper(name, mapper_type, config):
        return {"name": name, "identityProviderAlias": GOV_ALIAS, "identityProviderMapper": mapper_type,
                "config": {"syncMode": "FORCE", **config}}
    mappers = [idp_mapper("uscc", "oidc-user-attribute-idp-mapper", {"claim": "uscc", "user.attribute": "uscc"}),
               idp_mapper("province", "hardcoded-attribute-idp-mapper", {"attribute": "province", "attribute.value": code})]
    mappers += [idp_mapper("role " + role, "oidc-role-idp-mapper",
                           {"claim": "company_kind", "claim.value": kind, "role": role}) for kind, role in KINDS.items()]
    return {"identityProviders": [provider], "identityProviderMappers": mappers}


def gov_realm():
    """The legal-person identity platform of the demo: companies with their USCC, what they are and their legal
    representative, vouched for by the platform (only its administrator sets them)."""
    companies = []
    for code, (prefix, district, name) in PROVINCES.items():
        for n, kind, what in ((1, "enterprise", "科技示范企业"), (11, "provider", "检测示范中心")):
            u = uscc(district if kind == "enterprise" else prefix + "0104", n, "GWY")
            companies.append(user(u.lower(), None, name[:2] + what + "有限公司", "", uscc=u, province=code,
                                  companyKind=kind, legalRepresentative="张" + code))
    broker = {
        "clientId": GOV_CLIENT, "name": "Province realms (identity brokering)", "enabled": True, "publicClient": False,
        "secret": GOV_SECRET, "clientAuthenticatorType": "client-secret", "standardFlowEnabled": True,
        "directAccessGrantsEnabled": False, "implicitFlowEnabled": False,
        "redirectUris": [KEYCLOAK + "/realms/*"], "webOrigins": [],
        "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": KEYCLOAK + "/realms/*"},
        "protocolMappers": [claim("uscc"), claim("company_kind", "companyKind"),
                            claim("legal_representative", "legalRepresentative")]}
    r = realm("yrd-gov", "政务服务网 · 法人身份认证（演示）", GOV_CLIENT, [], companies, 0, user_profile=profile(
        attribute("companyKind", "Company kind"), attribute("legalRepresentative", "Legal representative")))
    r["clients"] = [broker]
    return r


def province_realm(code):
    prefix, district, name = PROVINCES[code]
    users = [user("operator-1", "operator", "一", "操作员", province=code),
             user("operator-2", "operator", "二", "操作员", province=code),
             user("finance-1", "finance", "一", "财务", province=code)]
    for n in (1, 2, 3):
        u = uscc(district, n)
        users.append(user(u.lower(), "enterprise", "企业%d" % n, name, uscc=u, province=code))
    for n in (11, 12, 13):
        u = uscc(prefix + "0104", n)
        users.append(user(u.lower(), "provider", "服务机构%d" % (n - 10), name, uscc=u, province=code))
    # P9: a third-party service point that helps enterprises apply and file, once they authorise it
    u = uscc(prefix + "0104", 21)
    users.append(user(u.lower(), "agent", "服务站", name, uscc=u, province=code))
    # the node binds an account an operator confirmed (docs/security.md "Accounts"): users only, nothing else
    users.append({"username": "service-account-" + NODE_ADMIN, "enabled": True, "serviceAccountClientId": NODE_ADMIN,
                  "clientRoles": {"realm-management": ["manage-users", "view-users", "query-users"]}})
    r = realm("yrd-" + code.lower(), name + "科技创新券", "yrd-node",
              ["operator", "finance", "enterprise", "provider", "agent", "applicant"], users, PORTS[code],
              **government_identity(code))
    # companies without the government identity register an account themselves; it holds "applicant" (every new
    # account's default role) and nothing else until an operator confirms which company it acts for
    r["registrationAllowed"] = True
    # Keycloak's own mails (a forgotten password) through the local federation's mail server (deploy/run-federation.sh)
    r["resetPasswordAllowed"] = True
    r["smtpServer"] = {"host": "127.0.0.1", "port": "3025", "from": "noreply@demo.yrd.invalid",
                       "fromDisplayName": name + "科技创新券", "auth": "false", "ssl": "false", "starttls": "false"}
    default = "default-roles-yrd-" + code.lower()
    r["roles"]["realm"] += [{"name": "offline_access"}, {"name": "uma_authorization"},
                            {"name": default, "composite": True,
                             "composites": {"realm": ["applicant", "offline_access", "uma_authorization"]}}]
    r["defaultRole"] = {"name": default}
    r["clients"].append({
        "clientId": NODE_ADMIN, "name": "The province node (binds confirmed accounts)", "enabled": True,
        "publicClient": False, "secret": NODE_ADMIN_SECRET, "clientAuthenticatorType": "client-secret",
        "serviceAccountsEnabled": True, "standardFlowEnabled": False, "directAccessGrantsEnabled": False,
        "implicitFlowEnabled": False})
    return r


def main():
    out = pathlib.Path(__file__).parent / "realms"
    out.mkdir(exist_ok=True)
    realms = [province_realm(c) for c in PROVINCES]
    realms.append(realm("yrd-hub", "长三角科技创新券联合工作组", "yrd-hub", ["taskgroup"],
                        [user("taskgroup-1", "taskgroup", "一", "工作组")], PORTS["HUB"]))
    realms.append(gov_realm())
    for r in realms:
        (out / (r["realm"] + ".json")).write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
