{{- define "yrd-hub.labels" -}}
app.kubernetes.io/name: yrd-hub
app.kubernetes.io/instance: hub
app.kubernetes.io/part-of: yrd-voucher-federation
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "yrd-hub.selector" -}}
app.kubernetes.io/name: yrd-hub
app.kubernetes.io/instance: hub
{{- end -}}

