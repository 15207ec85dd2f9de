{{/* A value that must be set, by its dotted name: (list "name" value). */}}
{{- define "yrd-lib.required" -}}
{{- required (printf "%s is required (docs/deploy.md)" (index . 0)) (index . 1) -}}
{{- end -}}

{{/* The pod's security context: the image's user 185, never root. */}}
{{- define "yrd-lib.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: 185
  runAsGroup: 185
  fsGroup: 185
  seccompProfile: {type: RuntimeDefault}
{{- end -}}

{{/* The container's security context. */}}
{{- define "yrd-lib.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  runAsNonRoot: true
  capabilities: {drop: [ALL]}
{{- end -}}

{{/* Replicas across nodes and zones: (dict "selector" <labels yaml>). */}}
{{- define "yrd-lib.spread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- .selector | nindent 8 }}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels:
        {{- .selector | nindent 8 }}
{{- end -}}

{{/* Probes: the start-up probe gives Flyway's migrations up to startupSeconds before liveness may restart the pod;
liveness includes the Kafka consumers (a dead consumer restarts the pod), readiness the database. */}}
{{- define "yrd-lib.probes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 5
  failureThreshold: {{ div .Values.startupSeconds 5 }}
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  failureThreshold: 3
{{- end -}}

{{/* The JVM as the image's start script (run-java.sh of the UBI OpenJDK runtime, docs/deploy.md "The image") sets it:
the heap at most half of the container's memory limit (the script's default, 80 %, would leave too little for the
JVM's own memory, about 250 MB for an app: class metadata, compiled code, threads; docs/benchmarks.md), and the
parallel collector, the script's default, named here so that the benchmark and production run the same one. */}}
{{- define "yrd-lib.jvmEnv" -}}
- {name: JAVA_MAX_MEM_RATIO, value: "50"}
- {name: GC_CONTAINER_OPTIONS, value: "-XX:+UseParallelGC"}
{{- end -}}

{{/* HTTP behind the ingress: the client's address and scheme from X-Forwarded-* only when sent by the ingress
controller's pods (yrd.http.trusted-proxies), and the Swagger UI off unless asked for. */}}
{{- define "yrd-lib.httpEnv" -}}
- {name: QUARKUS_HTTP_PORT, value: "8080"}
- name: YRD_HTTP_TRUSTED_PROXIES
  value: {{ include "yrd-lib.required" (list "ingress.trustedProxies" (join "," .Values.ingress.trustedProxies)) | quote }}
- {name: QUARKUS_SWAGGER_UI_ENABLE, value: {{ .Values.swaggerUi | quote }}}
{{- end -}}

{{/* The app's Ingress: (dict "ctx" $ "name" name). */}}
{{- define "yrd-lib.ingress" -}}
{{- $v := .ctx.Values -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  ingressClassName: {{ $v.ingress.className }}
  tls:
    - hosts: [{{ include "yrd-lib.required" (list "ingress.host" $v.ingress.host) | quote }}]
      secretName: {{ include "yrd-lib.required" (list "ingress.tlsSecret" $v.ingress.tlsSecret) | quote }}
  rules:
    - host: {{ $v.ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ .name }}
                port: {name: http}
{{- end -}}

{{/* Service, PodDisruptionBudget and HorizontalPodAutoscaler of an app: (dict "ctx" $ "name" name "labels" yaml
"selector" yaml). The Deployment has no replicas field: the autoscaler owns the count, so that an upgrade does not
reset it. */}}
{{- define "yrd-lib.scaling" -}}
{{- $v := .ctx.Values -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- .selector | nindent 4 }}
  ports:
    - {name: http, port: 80, targetPort: http, protocol: TCP}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  minAvailable: {{ $v.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels:
      {{- .selector | nindent 6 }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}
  minReplicas: {{ $v.autoscaling.minReplicas }}
  maxReplicas: {{ $v.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: {{ $v.autoscaling.targetCPUUtilizationPercentage }}}
{{- end -}}
