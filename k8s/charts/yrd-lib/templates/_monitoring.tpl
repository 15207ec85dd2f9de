{{/* Prometheus (the Prometheus operator) scrapes /q/metrics as the realm's yrd-monitoring client, whose token
carries the monitoring role the apps require there. (dict "ctx" $ "name" app name "realm" realm "labels" yaml
"selector" yaml) */}}
{{- define "yrd-lib.serviceMonitor" -}}
{{- $v := .ctx.Values -}}
{{- if $v.monitoring.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- .selector | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ $v.monitoring.interval }}
      oauth2:
        tokenUrl: "http://{{ .name }}-idp-service:8080/realms/{{ .realm }}/protocol/openid-connect/token"
        clientId:
          secret: {name: {{ $v.monitoring.clientSecret | quote }}, key: client-id}
        clientSecret: {name: {{ $v.monitoring.clientSecret | quote }}, key: client-secret}
{{- end }}
{{- end -}}
