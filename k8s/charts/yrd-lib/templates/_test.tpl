{{/* `helm test`: a pod in the app's namespace asks the app's readiness and one public endpoint through its Service
(the app's network policy lets this pod in). The offline checks (k8s/src/test) set checks.testPodAsManifest, since
a template command leaves hooks out, so that this pod is schema-checked like the rest. (dict "ctx" $ "name" app name "public" path "labels" yaml) */}}
{{- define "yrd-lib.helmTest" -}}
{{- $v := .ctx.Values -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ .name }}-test
  labels:
    {{- .labels | nindent 4 }}
    yrd.voucher/helm-test: "true"
  {{- if not $v.checks.testPodAsManifest }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
  {{- end }}
spec:
  restartPolicy: Never
  {{- include "yrd-lib.podSecurity" . | nindent 2 }}
  containers:
    - name: test
      image: "{{ $v.image.repository }}:{{ $v.image.tag }}"
      command: ["/bin/sh", "-c"]
      args:
        - >-
          curl -fsS --max-time 10 http://{{ .name }}/q/health/ready &&
          curl -fsS --max-time 10 -o /dev/null http://{{ .name }}{{ .public }}
      resources:
        requests: {cpu: 10m, memory: 16Mi}
        limits: {cpu: 100m, memory: 64Mi}
      {{- include "yrd-lib.containerSecurity" . | nindent 6 }}
{{- end -}}
