export const proxyHistory = {
  'check.proxy.changedByDoctor.title': 'GOPROXY was changed by Go Env Doctor',
  'check.proxy.changedByDoctor.detail.wasSet':
    'On {at} UTC it wrote GOPROXY{wrote} to {file}; before, it was "{was}". Restoring puts back exactly that.',
  'check.proxy.changedByDoctor.detail.wasUnset':
    'On {at} UTC it wrote GOPROXY{wrote} to {file}; before, it was not set in the go env file. Restoring puts back exactly that.',
} as const;
