#!/usr/bin/env python3
"""Writes deploy/keycloak/realms/*.json: one realm per province (yrd-sh, yrd-js, yrd-zj, yrd-ah) and the task
group's (yrd-hub), with a demo user for every role, the demo data's enterprises and providers included.
Run it after changing this file; the JSON files are what Keycloak imports (deploy/keycloak/start.sh).
Every demo password is "demo"."""
import json
import pathlib

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
PROVINCES = {  # code: (division prefix, the demo enterprises' district, name)
    "SH": ("31", "310115", "上海市"), "JS": ("32", "320505", "江苏省"),
    "ZJ": ("33", "330106", "浙江省"), "AH": ("34", "340104", "安徽省"),
}
PORTS = {"SH": 8081, "JS": 8082, "ZJ": 8083, "AH": 8084, "HUB": 8090}


def uscc(district, n):
    """The USCCs DemoData registers (province-node demo/DemoData.uscc)."""
    first17 = "91" + district + "DEM%06d" % n
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def attribute(name, display):
    # only an administrator sets them: a user who could edit its own province or USCC could act as another
    return {"name": name, "displayName": display, "multivalued": False,
            "permissions": {"view": ["admin", "user"], "edit": ["admin"]}}


def profile():
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
    ], "groups": []}


def mapper(name, mapper_type, config):
    return {"name": name, "protocol": "openid-connect", "protocolMapper": mapper_type,
            "config": config}


def claim(name):
    return mapper(name, "oidc-usermodel-attribute-mapper", {
        "user.attribute": name, "claim.name": name, "jsonType.label": "String",
        "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true"})


def user(username, role, first, last, **attributes):
    return {"username": username, "enabled": True, "emailVerified": True, "firstName": first, "lastName": last,
            "email": username + "@demo.yrd.invalid",
            "attributes": {k: [v] for k, v in attributes.items()},
            "credentials": [{"type": "password", "value": "demo", "temporary": False}],
            "realmRoles": [role]}


def realm(name, display, audience, roles, users, port):
    return {
        "realm": name, "displayName": display, "enabled": True,
        "accessTokenLifespan": 900, "ssoSessionIdleTimeout": 1800,
        "bruteForceProtected": True, "failureFactor": 10,
        "roles": {"realm": [{"name": r} for r in roles]},
        "components": {"org.keycloak.userprofile.UserProfileProvider": [{
            "providerId": "declarative-user-profile", "subComponents": {},
            "config": {"kc.user.profile.config": [json.dumps(profile(), ensure_ascii=False)]}}]},
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
    }


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
    return realm("yrd-" + code.lower(), name + "科技创新券", "yrd-node",
                 ["operator", "finance", "enterprise", "provider", "agent"], users, PORTS[code])


def main():
    out = pathlib.Path(__file__).parent / "realms"
    out.mkdir(exist_ok=True)
    realms = [province_realm(c) for c in PROVINCES]
    realms.append(realm("yrd-hub", "长三角科技创新券联合工作组", "yrd-hub", ["taskgroup"],
                        [user("taskgroup-1", "taskgroup", "一", "工作组")], PORTS["HUB"]))
    for r in realms:
        (out / (r["realm"] + ".json")).write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
