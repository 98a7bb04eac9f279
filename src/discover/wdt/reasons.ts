/**
 * Why a WDT folder or attribute has no place in our WeblogicDomain document: one sentence per
 * known kind, said the same way every time, and whether the folder is a named ("multiple
 * instance") folder whose instances are listed one by one.
 */

interface Reason {
  reason: string;
  perInstance: boolean;
}

const NAMED: Record<string, string> = {
  JMSSystemResource: 'JMS modules are not modeled by opsctl',
  JMSServer: 'JMS servers are not modeled by opsctl',
  SAFAgent: 'store-and-forward agents are not modeled by opsctl',
  FileStore: 'persistent file stores are not modeled by opsctl',
  JDBCStore: 'JDBC stores are not modeled by opsctl',
  ForeignJNDIProvider: 'Foreign JNDI providers are not modeled by opsctl',
  MailSession: 'mail sessions are not modeled by opsctl',
  WLDFSystemResource: 'WLDF diagnostic modules are not modeled by opsctl',
  CoherenceClusterSystemResource: 'Coherence clusters are not modeled by opsctl',
  StartupClass: 'startup classes are not modeled by opsctl',
  ShutdownClass: 'shutdown classes are not modeled by opsctl',
  ServerTemplate: 'server templates are not modeled: list the servers explicitly',
  VirtualHost: 'virtual hosts are not modeled by opsctl',
  VirtualTarget: 'virtual targets are not modeled by opsctl',
  Library: 'shared libraries are not modeled by opsctl',
  NetworkAccessPoint: 'network channels are not modeled by opsctl',
  Partition: 'partitions are not modeled by opsctl',
  ResourceGroup: 'resource groups are not modeled by opsctl',
  ResourceGroupTemplate: 'resource group templates are not modeled by opsctl',
  MigratableTarget: 'migratable targets are not modeled by opsctl',
  Capacity: 'work-manager capacity constraints are not modeled by opsctl',
  FairShareRequestClass: 'request classes are not modeled by opsctl',
  ResponseTimeRequestClass: 'request classes are not modeled by opsctl',
  ContextRequestClass: 'request classes are not modeled by opsctl',
  MinThreadsConstraint: 'constraint not used by any work manager',
  MaxThreadsConstraint: 'constraint not used by any work manager',
  WLSRoles: 'security roles are not modeled by opsctl',
  WLSPolicies: 'security policies are not modeled by opsctl',
  ProductionRedeployments: 'production-redeployment policies are not modeled by opsctl',
};

const SINGLE: Record<string, string> = {
  SecurityConfiguration: 'the security realm and its providers are not modeled by opsctl',
  Security: 'users, groups and security providers are not modeled by opsctl',
  SSL: 'SSL settings are not modeled by opsctl',
  NMProperties: 'node-manager properties are not modeled by opsctl',
  RestfulManagementServices: 'REST management settings are not modeled by opsctl',
  JMX: 'JMX settings are not modeled by opsctl',
  JTA: 'JTA settings are not modeled by opsctl',
  WebAppContainer: 'web-app container settings are not modeled by opsctl',
  DynamicServers: 'dynamic clusters are not modeled: list the servers explicitly',
  OverloadProtection: 'overload protection is not modeled by opsctl',
  WebServer: 'web-server (HTTP, access log) settings are not modeled by opsctl',
  kubernetes: 'the WKO kubernetes section has no place in desired state',
  ProductionModeEnabled: 'production mode is not modeled by opsctl',
  ServerStartMode: 'production mode is not modeled by opsctl',
  RCUDbInfo: 'RCU schemas (JRF domains) are not modeled by opsctl',
  OPSSSecrets: 'secret dropped, reference needed (OPSS wallet passphrase is not modeled)',
  domainLibraries: 'domain libraries are not modeled by opsctl',
  domainBin: 'domain bin scripts are not modeled by opsctl',
};

/** The reason a key is listed, in the context of its parent (e.g. `Server`, `JDBCDriverParams`). */
export function describeFolder(key: string, context?: string): Reason {
  if (isSecretKey(key)) {
    return { reason: 'secret dropped, reference needed', perInstance: false };
  }
  const named = NAMED[key];
  if (named) return { reason: named, perInstance: true };
  const single = SINGLE[key];
  if (single) return { reason: single, perInstance: false };
  const where = context ? `${context} attribute` : 'attribute';
  return { reason: `${where} not modeled by opsctl`, perInstance: false };
}

/** Keys whose values are secrets: never copied, at most turned into a reference. */
export function isSecretKey(key: string): boolean {
  return /(password|passphrase|credential|secret)/i.test(key) || /Encrypted$/.test(key);
}
