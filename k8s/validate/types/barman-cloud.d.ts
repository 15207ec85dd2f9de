// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1, plugin 0.x for CloudNativePG 1.27), transcribed
// from its CRD: the object store's configuration is the same Go type CloudNativePG's own backup used, published
// with @kubernetes-models/cloudnative-pg. Unknown keys are refused as in keycloak.d.ts.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IBarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";

export interface IObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata?: IObjectMeta;
  spec: {
    configuration: IBarmanObjectStoreConfiguration;
    retentionPolicy?: string;
    instanceSidecarConfiguration?: {
      env?: IEnvVar[]; resources?: IResourceRequirements; retentionPolicyIntervalSeconds?: number; logLevel?: string;
    };
  };
}
