export const mirrorCorrupt = {
  'mirrorCorrupt.title': '{mirror} served altered bytes',
  'mirrorCorrupt.detail':
    '{mirror} served bytes of {filename} that differ from what the other sources served and from the official SHA-256 (byte ranges {ranges}). It was excluded and the download finished from the other sources; the installed toolchain matches the official SHA-256. Remove this mirror from your mirror list (--mirror or goEnv.toolchain.mirrors) and report it to its operator.',
} as const;
