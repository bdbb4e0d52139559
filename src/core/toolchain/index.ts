// Public API of the toolchain installer (used by the CLI, the extension and the module-zip installer).
export { installToolchain, downloadSources, type InstallOptions, type InstallResult, type InstallCheckpoint } from './install';
export { listInstalledToolchains, listReleases, type InstalledToolchain, type ReleaseChoice, type ListReleasesOptions } from './catalog';
export { stageAndCommit, isCompleteToolchain, readMarker, removeStale, type StageAndCommitOptions, type StageAndCommitResult, type StageContext, type ToolchainMarker, type CommitCheckpoint } from './commit';
export { TarGzExtractor, extractZipFile, type ExtractOptions } from './extract';
export { TreeWriter, type TreeLimits, type FileSink } from './treeWriter';
export { entryName } from './archivePath';
export { UnsafeArchiveError, toolchainError, fsFailure, type ToolchainErrorCode } from './errors';
export { DEFAULT_DL_BASES, parseReleaseIndex, fetchReleaseIndex, resolveRelease, findArchive, type Release, type ReleaseFile, type ReleaseIndex } from './releaseIndex';
export { createDispatcher } from './http';
export { defaultSdkDir, MARKER_FILE } from './layout';
export type { InstallProgress } from './progress';
export type { InstallTimeouts } from './timeouts';
export type { LockHolder } from './lock';
