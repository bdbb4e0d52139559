export const mirrorCorrupt = {
  'mirrorCorrupt.title': '{mirror} served altered bytes',
  'mirrorCorrupt.detail':
    '{mirror} served bytes of {filename} that differ from what the other sources served and from the official SHA-256 (byte ranges {ranges}). It was excluded and the download finished from the other sources; the installed toolchain matches the official SHA-256. Remove this mirror from your mirror list (--mirror or goEnv.toolchain.mirrors) and report it to its operator.',
  'mirrorCorrupt.stopped': 'stopped',
  'mirrorCorrupt.sourceWhy': '{source}: {why}',
  'mirrorCorrupt.noSource.message': 'Could not download {filename}: {why}.',
  'mirrorCorrupt.noSource.remedy':
    'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or add a mirror you can reach with --mirror URL; its bytes are still checked against the official SHA-256.',
  'mirrorCorrupt.noSource.remedyKept':
    'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or add a mirror you can reach with --mirror URL; its bytes are still checked against the official SHA-256. The {bytes} bytes received so far are kept; running the same command again resumes from there.',
  'mirrorCorrupt.mismatch.message':
    '{filename} did not match the SHA-256 in the official release index ({sha256}), and no combination of the sources gave the official bytes. ({last})',
  'mirrorCorrupt.mismatch.messageNamed':
    '{filename} did not match the SHA-256 in the official release index ({sha256}), and no combination of the sources gave the official bytes. Sources that served altered bytes: {sources}. ({last})',
  'mirrorCorrupt.mismatch.remedy':
    'Nothing was installed. A mirror or proxy on the way is serving altered or stale bytes: drop that --mirror (or fix the proxy) and try again.',
  'mirrorCorrupt.dropped': '{share} (dropped)',
} as const;
