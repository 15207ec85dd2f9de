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


{{/* The Kafka the node talks to: the hub's published external listener, or with kafka.mirror.enabled the
province's own cluster (mirror.yaml), which MirrorMaker 2 keeps in step with the hub's. */}}
{{- define "yrd-node.kafkaEnv" -}}
{{- if .Values.kafka.mirror.enabled -}}
- {name: KAFKA_BOOTSTRAP, value: "{{ include "yrd-node.name" . }}-kafka-kafka-bootstrap:9093"}
- {name: KAFKA_SECURITY_PROTOCOL, value: SASL_SSL}
- {name: KAFKA_SASL_MECHANISM, value: SCRAM-SHA-512}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom: {secretKeyRef: {name: {{ include "yrd-node.name" . }}, key: sasl.jaas.config}}
{{- else -}}
- {name: KAFKA_BOOTSTRAP, value: {{ include "yrd-lib.required" (list "kafka.bootstrap" .Values.kafka.bootstrap) | quote }}}
- {name: KAFKA_SECURITY_PROTOCOL, value: SASL_SSL}
- {name: KAFKA_SASL_MECHANISM, value: SCRAM-SHA-512}
- name: KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "yrd-lib.required" (list "kafka.passwordSecret" .Values.kafka.passwordSecret) | quote }}
      key: password
# the user the hub issued (node-<p>), its password from the secret above (Kubernetes expands $(KAFKA_PASSWORD))
- name: KAFKA_SASL_JAAS_CONFIG
  value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="{{ include "yrd-node.name" . }}" password="$(KAFKA_PASSWORD)";'
{{- end -}}
{{- end -}}

{{/* The secret holding the CA (ca.crt) the node checks its Kafka's certificate against. */}}
{{- define "yrd-node.kafkaCa" -}}
{{- if .Values.kafka.mirror.enabled -}}
{{ include "yrd-node.name" . }}-kafka-cluster-ca-cert
{{- else -}}
{{ include "yrd-lib.required" (list "kafka.caSecret" .Values.kafka.caSecret) }}
{{- end -}}
{{- end -}}

{{/* MirrorMaker 2's view of the hub's Kafka: its published listener, as this province's user (kafka.*). */}}
{{- define "yrd-node.hubCluster" -}}
alias: hub
bootstrapServers: {{ include "yrd-lib.required" (list "kafka.bootstrap" .Values.kafka.bootstrap) | quote }}
tls:
  trustedCertificates:
    - {secretName: {{ include "yrd-lib.required" (list "kafka.caSecret" .Values.kafka.caSecret) | quote }}, certificate: ca.crt}
authentication:
  type: scram-sha-512
  username: {{ include "yrd-node.name" . }}
  passwordSecret:
    secretName: {{ include "yrd-lib.required" (list "kafka.passwordSecret" .Values.kafka.passwordSecret) | quote }}
    password: password
{{- end -}}

{{/* MirrorMaker 2's view of the province's own Kafka (mirror.yaml). */}}
{{- define "yrd-node.localCluster" -}}
alias: {{ include "yrd-node.code" . }}
bootstrapServers: {{ include "yrd-node.name" . }}-kafka-kafka-bootstrap:9093
tls:
  trustedCertificates:
    - {secretName: {{ include "yrd-node.name" . }}-kafka-cluster-ca-cert, certificate: ca.crt}
authentication:
  type: scram-sha-512
  username: {{ include "yrd-node.name" . }}-mirror
  passwordSecret: {secretName: {{ include "yrd-node.name" . }}-mirror, password: password}
{{- end -}}

{{/* Egress to addresses outside the cluster, by CIDR and port: (list "dotted.name" list-of-{cidr,port}). */}}
{{- define "yrd-node.egress" -}}
{{- if not (index . 1) }}{{ fail (printf "%s is required: the hub's published CIDRs and ports (docs/deploy.md)" (index . 0)) }}{{ end -}}
{{- range index . 1 }}
- to:
    - ipBlock: {cidr: {{ .cidr }}}
  ports:
    - {port: {{ .port }}, protocol: TCP}
{{- end }}
{{- end -}}
