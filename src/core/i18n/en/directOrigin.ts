// Why a module's origin could not be asked (core/checks/directOriginCheck.ts). See ../catalog.ts.
export const directOrigin = {
  'direct.origin.notUrl': '"{url}" is not a URL',
} as const;
