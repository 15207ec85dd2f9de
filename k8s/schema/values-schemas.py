#!/usr/bin/env python3
"""Writes k8s/charts/yrd-node/values.schema.json and k8s/charts/yrd-hub/values.schema.json: what every value of the
two charts may be. Every object refuses keys it does not declare (a misspelt value fails `helm template`), names of
secrets that must exist are non-empty strings, and the rest have their types and ranges. Run it after changing a
chart's values (ValuesSchemaTest renders every values file against them and proves that a misspelt key, a wrong
type and a missing secret name each fail)."""
import json
import pathlib

K8S = pathlib.Path(__file__).resolve().parent.parent


def obj(required=(), **props):
    return {"type": "object", "additionalProperties": False, "required": list(required), "properties": props}


def s(desc=None, **kw):
    out = {"type": "string", **kw}
    if desc:
        out["description"] = desc
    return out


def name(desc):
    """The name of a Kubernetes object (a secret) that must exist."""
    return s(desc, minLength=1, maxLength=253, pattern="^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")


def opt_name(desc):
    return s(desc, pattern="^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$")


INT = {"type": "integer"}
BOOL = {"type": "boolean"}
QUANTITY = {"type": ["string", "integer", "number"]}
HOST = s("a DNS name", pattern="^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]{2,}$")
CIDR = s("an IPv4 or IPv6 CIDR", pattern="^[0-9a-fA-F:.]+/[0-9]{1,3}$")
RESOURCES = obj(requests=obj(cpu=QUANTITY, memory=QUANTITY), limits=obj(cpu=QUANTITY, memory=QUANTITY))
EGRESS = {"type": "array", "minItems": 1, "items": obj(["cidr", "port"], cidr=CIDR, port={"type": "integer", "minimum": 1, "maximum": 65535})}


def common():
    return dict(
        image=obj(["repository", "tag"], repository=s(minLength=1), tag=s(minLength=1),
                  pullPolicy={"enum": ["Always", "IfNotPresent", "Never"]}),
        resources=RESOURCES,
        autoscaling=obj(["minReplicas", "maxReplicas"], minReplicas={"type": "integer", "minimum": 1},
                        maxReplicas={"type": "integer", "minimum": 1},
                        targetCPUUtilizationPercentage={"type": "integer", "minimum": 1, "maximum": 100}),
        podDisruptionBudget=obj(["minAvailable"], minAvailable={"type": ["integer", "string"]}),
        startupSeconds={"type": "integer", "minimum": 30, "maximum": 3600},
        swaggerUi=BOOL,
        ingress=obj(["host", "tlsSecret", "trustedProxies"], className=s(minLength=1), host=HOST,
                    tlsSecret=name("a TLS certificate secret for the host"),
                    controllerNamespace=s(minLength=1),
                    trustedProxies={"type": "array", "minItems": 1, "items": CIDR}),
        postgres=obj(["backup"], instances={"type": "integer", "minimum": 1}, storage=QUANTITY,
                     storageClass=s(), operatorNamespace=s(minLength=1),
                     backup=obj(["destinationPath", "endpointURL", "credentialsSecret"],
                                schedule=s(minLength=1), destinationPath=s(pattern="^(s3|gs|https?)://.+"),
                                endpointURL=s(pattern="^https?://.+"),
                                credentialsSecret=name("ACCESS_KEY_ID and ACCESS_SECRET_KEY"),
                                retentionPolicy=s(pattern="^[1-9][0-9]*[dwm]$")),
                     recovery={**obj(enabled=BOOL, fromServerName=opt_name(None), newServerName=opt_name(None),
                                     targetTime=s()),
                               "if": {"properties": {"enabled": {"const": True}}},
                               "then": {"required": ["newServerName"], "properties": {"newServerName": {"minLength": 1}}}}),
        keycloak=obj(["hostname", "tlsSecret"], instances={"type": "integer", "minimum": 1}, hostname=HOST,
                     tlsSecret=name("a TLS certificate secret for the hostname"), dbStorage=QUANTITY),
        monitoring={**obj(enabled=BOOL, namespace=s(minLength=1), interval=s(pattern="^[0-9]+[smh]$"),
                          clientSecret=opt_name("keys client-id and client-secret")),
                    "if": {"properties": {"enabled": {"const": True}}},
                    "then": {"properties": {"clientSecret": {"minLength": 1}}}},
        checks=obj(testPodAsManifest=BOOL),
        # what Helm itself adds: the library chart's (empty) values and the global ones
        global_={"type": "object"},
        **{"yrd-lib": {"type": "object"}},
    )


def node():
    props = common()
    keycloak = props["keycloak"]
    url = s(pattern="^(https://.+)?$")
    keycloak["properties"].update(
        governmentIdentity={**obj(enabled=BOOL, issuer=url, authorizationUrl=url, tokenUrl=url, jwksUrl=url,
                                  userInfoUrl=url, clientId=s(),
                                  clientSecret=opt_name("key client-secret"), usccClaim=s(minLength=1),
                                  kindClaim=s(minLength=1),
                                  kinds=obj(enterprise=s(minLength=1), provider=s(minLength=1), agent=s(minLength=1))),
                            "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
                            "then": {"required": ["issuer", "authorizationUrl", "tokenUrl", "jwksUrl", "clientId",
                                                  "clientSecret"],
                                     "properties": {k: {"minLength": 1} for k in ("issuer", "authorizationUrl", "tokenUrl",
                                                                                  "jwksUrl", "clientId", "clientSecret")}}},
        selfRegistration={**obj(enabled=BOOL, adminClientSecret=opt_name("key client-secret")),
                          "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
                          "then": {"properties": {"adminClientSecret": {"minLength": 1}}}})
    props.update(
        province={"enum": ["SH", "JS", "ZJ", "AH"]},
        kafka={**obj(bootstrap=s(pattern="^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]{2,}:[0-9]+$"),
                     caSecret=name("ca.crt: the federation CA"),
                     passwordSecret=name("key password, holding this node's SCRAM password as the hub issued it"),
                     egress=EGRESS,
                     mirror=obj(enabled=BOOL, version=s(minLength=1), storage=QUANTITY, resources=RESOURCES)),
               "required": ["bootstrap", "caSecret", "passwordSecret", "egress"]},
        hub=obj(["url", "egress"], url=s(pattern="^https://.+"), egress=EGRESS),
        secrets=obj(["signing", "trust", "invoiceHashKey"], signing=name("<PROVINCE>.key.pem"),
                    trust=name("hub.pub.pem"), invoiceHashKey=name("invoice-hash-key")),
        mail={**obj(enabled=BOOL, host=s(), port={"type": "integer", "minimum": 1, "maximum": 65535}, from_=s(),
                    credentialsSecret=opt_name("keys username and password"), egress=EGRESS),
              "if": {"properties": {"enabled": {"const": True}}, "required": ["enabled"]},
              "then": {"required": ["host", "from", "egress"],
                       "properties": {"host": {"minLength": 1}, "from": {"minLength": 1}}}},
        config=obj(jobsEvery=s(minLength=1), reportsPerHour={"type": "integer", "minimum": 1},
                   confirmationTimeout=s(pattern="^P")),
    )
    mail = props["mail"]["properties"]
    mail["from"] = mail.pop("from_")
    return {**obj(["province", "ingress", "kafka", "hub", "postgres", "keycloak", "secrets"], **props),
            "$schema": "http://json-schema.org/draft-07/schema#", "title": "yrd-node values"}


def hub():
    props = common()
    props.update(
        provinces={"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": ["SH", "JS", "ZJ", "AH"]}},
        published=obj(["kafkaCidr", "webCidr"], kafkaCidr=CIDR, webCidr=CIDR),
        kafka=obj(["external"], name=s(minLength=1), version=s(minLength=1), replicas={"type": "integer", "minimum": 3},
                  storage=QUANTITY, rackTopologyKey=s(minLength=1), resources=RESOURCES,
                  external=obj(["bootstrapHost", "brokerHosts", "tlsSecret", "sourceRanges"],
                               port={"type": "integer", "minimum": 1024, "maximum": 65535}, bootstrapHost=HOST,
                               brokerHosts={"type": "array", "minItems": 1, "items": HOST},
                               loadBalancerIPs=obj(bootstrap=s(), brokers={"type": "array", "items": s()}),
                               tlsSecret=name("tls.crt and tls.key issued by the federation CA"),
                               sourceRanges={"type": "array", "minItems": 1, "items": CIDR}),
                  retentionMs={"type": "integer", "minimum": 3600000, "maximum": 2591999999},
                  partitions=obj(usage={"type": "integer", "minimum": 1}, default={"type": "integer", "minimum": 1}),
                  passwordSecretPrefix=s(minLength=1),
                  mirrored={"type": "array", "uniqueItems": True, "items": {"enum": ["SH", "JS", "ZJ", "AH"]}}),
        secrets=obj(["signing", "trust"], signing=name("hub.key.pem"), trust=name("<P>.pub.pem of every province")),
        quality=obj(minServices={"type": "integer", "minimum": 0}, minRatings={"type": "integer", "minimum": 0},
                    minAverageRating=s(pattern="^[0-5](\\.[0-9])?$"), crossRegionRequired=BOOL),
    )
    return {**obj(["ingress", "published", "kafka", "postgres", "keycloak", "secrets"], **props),
            "$schema": "http://json-schema.org/draft-07/schema#", "title": "yrd-hub values"}


def text(schema):
    props = schema["properties"]
    props["global"] = props.pop("global_")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    (K8S / "charts/yrd-node/values.schema.json").write_text(text(node()))
    (K8S / "charts/yrd-hub/values.schema.json").write_text(text(hub()))
