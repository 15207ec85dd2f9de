{{/* The identity provider of a deployment, run by the Keycloak operator: Keycloak behind the ingress with the
deployment's TLS certificate, its own PostgreSQL (yrd-lib.postgres), and the realm of deploy/keycloak without its
demo users (people are created by the deployment's administrators), its console client bound to the app's host.
(dict "ctx" $ "name" app name "realm" realm name "audience" the app's token audience "labels" yaml) */}}
{{- define "yrd-lib.identity" -}}
{{- $v := .ctx.Values -}}
{{- $host := include "yrd-lib.required" (list "keycloak.hostname" $v.keycloak.hostname) -}}
{{- $tls := include "yrd-lib.required" (list "keycloak.tlsSecret" $v.keycloak.tlsSecret) -}}
apiVersion: k8s.keycloak.org/v2alpha1
kind: Keycloak
metadata:
  name: {{ .name }}-idp
  labels:
    {{- .labels | nindent 4 }}
spec:
  instances: {{ $v.keycloak.instances }}
  db:
    vendor: postgres
    host: {{ .name }}-idp-db-rw
    port: 5432
    database: app
    usernameSecret: {name: "{{ .name }}-idp-db-app", key: username}
    passwordSecret: {name: "{{ .name }}-idp-db-app", key: password}
  http:
    # plain HTTP only inside the namespace (the app fetches the realm's keys; the network policy limits who);
    # the public side is HTTPS at the ingress, with the deployment's certificate
    httpEnabled: true
    tlsSecret: {{ $tls | quote }}
  hostname:
    hostname: "https://{{ $host }}"
    backchannelDynamic: true
  proxy:
    headers: xforwarded
  ingress:
    enabled: true
    className: {{ $v.ingress.className }}
    tlsSecret: {{ $tls | quote }}
  scheduling:
    topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels: {app: keycloak, app.kubernetes.io/instance: "{{ .name }}-idp"}
---
{{ include "yrd-lib.postgres" (dict "ctx" .ctx "name" (printf "%s-idp-db" .name) "size" $v.keycloak.dbStorage "labels" .labels "path" "idp") }}
---
{{- $realm := .ctx.Files.Get (printf "realms/%s.json" .realm) | fromJson }}
{{- $_ := unset $realm "users" }}
{{- $_ := set $realm "sslRequired" "external" }}
{{- range $realm.clients }}
{{- if eq .clientId "yrd-console" }}
{{- $_ := set . "redirectUris" (list (printf "https://%s/*" $v.ingress.host)) }}
{{- $_ := set . "webOrigins" (list (printf "https://%s" $v.ingress.host)) }}
{{- $_ := set . "directAccessGrantsEnabled" false }}
{{- end }}
{{- end }}
{{- /* the monitoring role, and the client Prometheus signs in with (its secret from monitoring.clientSecret) */}}
{{- if $v.monitoring.enabled }}
{{- $roles := $realm.roles | default dict }}
{{- $_ := set $roles "realm" (append ($roles.realm | default list) (dict "name" "monitoring" "description" "reads /q/metrics")) }}
{{- $_ := set $realm "roles" $roles }}
{{- /* its tokens name the app as their audience, as the apps require (quarkus.oidc.token.audience) */}}
{{- $audience := dict "name" "audience" "protocol" "openid-connect" "protocolMapper" "oidc-audience-mapper" "config" (dict "included.custom.audience" .audience "access.token.claim" "true") }}
{{- $client := dict "clientId" "yrd-monitoring" "enabled" true "publicClient" false "standardFlowEnabled" false "directAccessGrantsEnabled" false "serviceAccountsEnabled" true "secret" "${MONITORING_CLIENT_SECRET}" "protocolMappers" (list $audience) }}
{{- $_ := set $realm "clients" (append $realm.clients $client) }}
{{- $sa := dict "username" "service-account-yrd-monitoring" "enabled" true "serviceAccountClientId" "yrd-monitoring" "realmRoles" (list "monitoring") }}
{{- $_ := set $realm "users" (list $sa) }}
{{- end }}
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata:
  name: {{ .name }}-realm
  labels:
    {{- .labels | nindent 4 }}
spec:
  keycloakCRName: {{ .name }}-idp
  {{- if $v.monitoring.enabled }}
  placeholders:
    MONITORING_CLIENT_SECRET:
      secret:
        name: {{ include "yrd-lib.required" (list "monitoring.clientSecret" $v.monitoring.clientSecret) | quote }}
        key: client-secret
  {{- end }}
  realm:
    {{- toYaml $realm | nindent 4 }}
{{- end -}}
