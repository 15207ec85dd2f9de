{{/* A PostgreSQL cluster run by CloudNativePG, its WAL and base backups sent by the Barman Cloud plugin to the
object store of postgres.backup, a daily ScheduledBackup, and, when postgres.recovery.enabled, created from that
store's backups instead of an empty database. The data outlives `helm uninstall` (helm.sh/resource-policy: keep).
(dict "ctx" $ "name" cluster name "size" storage size "labels" yaml "path" the store's sub-path) */}}
{{- define "yrd-lib.postgres" -}}
{{- $v := .ctx.Values.postgres -}}
{{- $b := $v.backup -}}
{{- $store := printf "%s-store" .name -}}
{{- $rec := $v.recovery -}}
apiVersion: barmancloud.cnpg.io/v1
kind: ObjectStore
metadata:
  name: {{ $store }}
  labels:
    {{- .labels | nindent 4 }}
  annotations:
    helm.sh/resource-policy: keep
spec:
  retentionPolicy: {{ $b.retentionPolicy | quote }}
  configuration:
    destinationPath: "{{ include "yrd-lib.required" (list "postgres.backup.destinationPath" $b.destinationPath) }}/{{ .path }}"
    endpointURL: {{ include "yrd-lib.required" (list "postgres.backup.endpointURL" $b.endpointURL) | quote }}
    s3Credentials:
      accessKeyId:
        name: {{ include "yrd-lib.required" (list "postgres.backup.credentialsSecret" $b.credentialsSecret) | quote }}
        key: ACCESS_KEY_ID
      secretAccessKey: {name: {{ $b.credentialsSecret | quote }}, key: ACCESS_SECRET_KEY}
    wal: {compression: gzip}
    data: {compression: gzip}
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
  annotations:
    helm.sh/resource-policy: keep
spec:
  instances: {{ $v.instances }}
  primaryUpdateStrategy: unsupervised
  storage:
    size: {{ .size }}
    {{- with $v.storageClass }}
    storageClass: {{ . }}
    {{- end }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels: {cnpg.io/cluster: {{ .name }}}
  plugins:
    - name: barman-cloud.cloudnative-pg.io
      isWALArchiver: true
      parameters:
        barmanObjectName: {{ $store }}
        {{- /* after a restore the new cluster archives under a name of its own, never over the backups it came from */}}
        serverName: {{ if $rec.enabled }}{{ include "yrd-lib.required" (list "postgres.recovery.newServerName" $rec.newServerName) }}-{{ .name }}{{ else }}{{ .name }}{{ end }}
  bootstrap:
    {{- if $rec.enabled }}
    recovery:
      source: origin
      {{- with $rec.targetTime }}
      recoveryTarget: {targetTime: {{ . | quote }}}
      {{- end }}
    {{- else }}
    initdb:
      database: app
      owner: app
    {{- end }}
  {{- if $rec.enabled }}
  externalClusters:
    - name: origin
      plugin:
        name: barman-cloud.cloudnative-pg.io
        parameters:
          barmanObjectName: {{ $store }}
          serverName: {{ if $rec.fromServerName }}{{ $rec.fromServerName }}-{{ .name }}{{ else }}{{ .name }}{{ end }}
  {{- end }}
---
apiVersion: postgresql.cnpg.io/v1
kind: ScheduledBackup
metadata:
  name: {{ .name }}-daily
  labels:
    {{- .labels | nindent 4 }}
spec:
  schedule: {{ $b.schedule | quote }}
  backupOwnerReference: self
  method: plugin
  pluginConfiguration:
    name: barman-cloud.cloudnative-pg.io
  cluster:
    name: {{ .name }}
{{- end -}}
