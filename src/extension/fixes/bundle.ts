// The fix implementations (proxy rewrite, toolchain install: undici, archive readers, the
// checksum-database client) as one module, bundled separately into dist/fixes.js and loaded the
// first time a fix needs it, so opening a Go workspace loads ~100 KB instead of ~700 KB.
// No vscode import here: it is core code, only gathered.
export * as proxyRewrite from '../../core/proxyRewrite';
export * as releaseInstall from '../../core/toolchain/release/install';
export * as toolchainCatalog from '../../core/toolchain/catalog';
export * as toolchainInstaller from '../../core/toolchain/install';
export * as modules from '../../core/modules';
