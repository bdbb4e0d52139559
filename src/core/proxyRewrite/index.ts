// The proxy-rewrite core, for the CLI (set-proxy / restore-proxy) and the VS Code quick fixes.
export {
  planProxyChange,
  validateGoproxyValue,
  defaultCandidates,
  describePlannedValue,
  type ProxyPlan,
  type ProxyMode,
  type PlanOptions,
  type EnvironmentOverride,
} from './plan';
export {
  applyProxyChange,
  restoreProxy,
  type WriteOutcome,
  type RestoreResult,
  type ApplyOptions,
  type RestoreOptions,
} from './apply';
export { rankMirrors, type MirrorRanking, type RankingRow, type RankOptions } from './rank';
export { planOffline, offlineGoproxy, type OfflinePlan, type OfflineModule, type CacheStatus } from './offline';
export { adviseSumdb, type SumdbAdvice, type SumdbAlias } from './sumdbAdvice';
export { goNetwork, type GoNetwork, type MirrorFetch } from '../net/goNetwork';
export { historyFile, type SavedChange } from './history';
export { stateDir, sumdbStateDir } from '../stateDir';
export { builtinMirrors, fallbackCandidates, MIRRORS_ENV } from './builtinMirrors';
export { DEFAULT_MIRRORS, REFERENCE_MODULE, type ReferenceModule } from './defaults';
export type { FileSetting } from './goEnv';
