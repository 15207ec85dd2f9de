// The Keycloak operator's kinds (k8s.keycloak.org/v2alpha1, operator 26.7.3), transcribed from its CRDs
// keycloaks.k8s.keycloak.org-v1 and keycloakrealmimports.k8s.keycloak.org-v1: no package of the registries publishes
// them. Every object literal checked against these types refuses a key they do not declare (TypeScript's excess
// property check), as the API server's structural schema prunes it. The realm is Keycloak's own RealmRepresentation,
// from its admin client of the same version, with one correction: the server's `components`, and a component's
// `config` and `subComponents`, are multivalued maps (a key to a list), which the admin client types as single-valued.
import type RealmRepresentationAsTyped from "@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js";
import type ComponentExportRepresentation from "@keycloak/keycloak-admin-client/lib/defs/componentExportRepresentation.js";
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import type { ILocalObjectReference } from "kubernetes-models/v1/LocalObjectReference";

type Component = Omit<ComponentExportRepresentation, "config" | "subComponents"> & {
  config?: { [key: string]: string[] };
  subComponents?: { [providerType: string]: Component[] };
};
type RealmRepresentation = Omit<RealmRepresentationAsTyped, "components"> & {
  components?: { [providerType: string]: Component[] };
};
interface SecretKeySelector { name: string; key: string; optional?: boolean }
interface SecretName { secret: { name: string } }
interface ProbeSpec { periodSeconds?: number; failureThreshold?: number }

export interface IKeycloak {
  apiVersion: "k8s.keycloak.org/v2alpha1";
  kind: "Keycloak";
  metadata?: IObjectMeta;
  spec: {
    instances?: number;
    image?: string;
    imagePullSecrets?: ILocalObjectReference[];
    startOptimized?: boolean;
    additionalOptions?: Array<{ name: string; value?: string; secret?: SecretKeySelector }>;
    bootstrapAdmin?: { user?: SecretName; service?: SecretName };
    cache?: { configMapFile?: SecretKeySelector };
    db?: {
      vendor?: string; url?: string; host?: string; port?: number; database?: string; schema?: string;
      usernameSecret?: SecretKeySelector; passwordSecret?: SecretKeySelector;
      poolInitialSize?: number; poolMinSize?: number; poolMaxSize?: number;
    };
    features?: { enabled?: string[]; disabled?: string[] };
    hostname?: { hostname?: string; admin?: string; strict?: boolean; backchannelDynamic?: boolean };
    http?: {
      httpEnabled?: boolean; httpPort?: number; httpsPort?: number; tlsSecret?: string;
      annotations?: { [k: string]: string }; labels?: { [k: string]: string };
    };
    httpManagement?: { port?: number };
    ingress?: {
      enabled?: boolean; className?: string; tlsSecret?: string;
      annotations?: { [k: string]: string }; labels?: { [k: string]: string };
    };
    networkPolicy?: { enabled?: boolean };
    proxy?: { headers?: "forwarded" | "xforwarded" };
    readinessProbe?: ProbeSpec; livenessProbe?: ProbeSpec; startupProbe?: ProbeSpec;
    resources?: IResourceRequirements;
    scheduling?: {
      priorityClassName?: string; affinity?: IAffinity; tolerations?: IToleration[];
      topologySpreadConstraints?: ITopologySpreadConstraint[];
    };
    transaction?: { xaEnabled?: boolean };
    truststores?: { [name: string]: { name?: string; secret?: { name: string } } };
    unsupported?: { podTemplate?: IPodTemplateSpec };
    update?: { strategy?: "Auto" | "Explicit" | "RecreateOnImageChange"; revision?: string };
  };
}

export interface IKeycloakRealmImport {
  apiVersion: "k8s.keycloak.org/v2alpha1";
  kind: "KeycloakRealmImport";
  metadata?: IObjectMeta;
  spec: {
    keycloakCRName: string;
    realm: RealmRepresentation;
    placeholders?: { [name: string]: { secret: SecretKeySelector } };
    resources?: IResourceRequirements;
  };
}
