{{/* The identity provider of a deployment, run by the Keycloak operator: Keycloak behind the ingress with the
deployment's TLS certificate, its own PostgreSQL (yrd-lib.postgres), and the realm of deploy/keycloak without its
demo users (people are created by the deployment's administrators), its console client bound to the app's host; the
government identity platform it brokers (keycloak.governmentIdentity) and self-registration (keycloak.selfRegistration)
as the values say, with their secrets from Secrets, never the demo's.
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
{{- $users := list }}
{{- $placeholders := dict }}
{{- /* the government's legal-person identity platform, brokered (docs/security.md): the demo's endpoints and secret
       give way to the province's platform, or the realm brokers none */}}
{{- $gov := $v.keycloak.governmentIdentity | default dict }}
{{- if and $realm.identityProviders $gov.enabled }}
{{- range $realm.identityProviders }}
{{- $_ := set . "config" (merge (dict "issuer" $gov.issuer "authorizationUrl" $gov.authorizationUrl "tokenUrl" $gov.tokenUrl "jwksUrl" $gov.jwksUrl "userInfoUrl" ($gov.userInfoUrl | default "") "clientId" $gov.clientId "clientSecret" "${GOV_CLIENT_SECRET}") (omit .config "logoutUrl" "userInfoUrl")) }}
{{- end }}
{{- range $realm.identityProviderMappers }}
{{- if eq .identityProviderMapper "oidc-user-attribute-idp-mapper" }}{{ $_ := set .config "claim" ($gov.usccClaim | default "uscc") }}{{ end }}
{{- if eq .identityProviderMapper "oidc-role-idp-mapper" }}
{{- $_ := set .config "claim" ($gov.kindClaim | default "company_kind") }}
{{- $_ := set .config "claim.value" (index ($gov.kinds | default dict) .config.role | default (index .config "claim.value")) }}
{{- end }}
{{- end }}
{{- $_ := set $placeholders "GOV_CLIENT_SECRET" (dict "secret" (dict "name" (include "yrd-lib.required" (list "keycloak.governmentIdentity.clientSecret" $gov.clientSecret)) "key" "client-secret")) }}
{{- else }}
{{- $_ := unset $realm "identityProviders" }}
{{- $_ := unset $realm "identityProviderMappers" }}
{{- end }}
{{- /* accounts companies register themselves, bound to their USCC once an operator confirms (the node's yrd-node-admin
       client grants it), or no self-registration at all */}}
{{- $self := $v.keycloak.selfRegistration | default dict }}
{{- $clients := list }}
{{- range $realm.clients }}
{{- if eq .clientId "yrd-node-admin" }}
{{- if $self.enabled }}
{{- $_ := set . "secret" "${NODE_ADMIN_CLIENT_SECRET}" }}
{{- $clients = append $clients . }}
{{- $users = append $users (dict "username" "service-account-yrd-node-admin" "enabled" true "serviceAccountClientId" "yrd-node-admin" "clientRoles" (dict "realm-management" (list "manage-users" "view-users" "query-users"))) }}
{{- $_ := set $placeholders "NODE_ADMIN_CLIENT_SECRET" (dict "secret" (dict "name" (include "yrd-lib.required" (list "keycloak.selfRegistration.adminClientSecret" $self.adminClientSecret)) "key" "client-secret")) }}
{{- else }}
{{- $_ := set $realm "registrationAllowed" false }}
{{- end }}
{{- else }}
{{- $clients = append $clients . }}
{{- end }}
{{- end }}
{{- $_ := set $realm "clients" $clients }}
{{- $_ := set $realm "sslRequired" "external" }}
{{- /* the demo's mail server is the local federation's: a province sets its own at the realm (docs/deploy.md) */}}
{{- $_ := unset $realm "smtpServer" }}
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
{{- $users = append $users (dict "username" "service-account-yrd-monitoring" "enabled" true "serviceAccountClientId" "yrd-monitoring" "realmRoles" (list "monitoring")) }}
{{- $_ := set $placeholders "MONITORING_CLIENT_SECRET" (dict "secret" (dict "name" (include "yrd-lib.required" (list "monitoring.clientSecret" $v.monitoring.clientSecret)) "key" "client-secret")) }}
{{- end }}
{{- if $users }}{{ $_ := set $realm "users" $users }}{{ end }}
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata:
  name: {{ .name }}-realm
  labels:
    {{- .labels | nindent 4 }}
spec:
  keycloakCRName: {{ .name }}-idp
  {{- if $placeholders }}
  placeholders:
    {{- toYaml $placeholders | nindent 4 }}
  {{- end }}
  realm:
    {{- toYaml $realm | nindent 4 }}
{{- end -}}
