// What the editor's module features load on first use (through the fix bundle).
export { modulesFindings, goModCache } from '../checks/modulesCheck';
export { goEnvJson } from '../go/inspect';
export { locateGo } from '../go/locate';
export { repairGoSum, restoreGoSum } from './repairGoSum';
export { redownloadModule } from './redownloadModule';
export { runGo } from './runGo';
export { stateDir } from '../stateDir';
