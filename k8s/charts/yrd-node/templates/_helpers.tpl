{{/* The province code in lower case, checked. */}}
{{- define "yrd-node.code" -}}
{{- $p := required "province is required (SH, JS, ZJ or AH)" .Values.province -}}
{{- if not (has $p (list "SH" "JS" "ZJ" "AH")) -}}
{{- fail (printf "province must be SH, JS, ZJ or AH, not %s" $p) -}}
{{- end -}}
{{- lower $p -}}
{{- end -}}

{{- define "yrd-node.name" -}}
node-{{ include "yrd-node.code" . }}
{{- end -}}

{{- define "yrd-node.labels" -}}
app.kubernetes.io/name: yrd-node
app.kubernetes.io/instance: {{ include "yrd-node.name" . }}
app.kubernetes.io/part-of: yrd-voucher-federation
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
yrd.voucher/province: {{ .Values.province }}
{{- end -}}

{{- define "yrd-node.selector" -}}
app.kubernetes.io/name: yrd-node
app.kubernetes.io/instance: {{ include "yrd-node.name" . }}
{{- end -}}

{{/* A value that must be set, by its dotted name. */}}
{{- define "yrd-node.required" -}}
{{- required (printf "%s is required (docs/deploy.md)" (index . 0)) (index . 1) -}}
{{- end -}}
