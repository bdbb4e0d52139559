// Pieces shared by error messages in several layers. `{name}` is a parameter; see ../catalog.ts.
export const errors = {
  /** Where something failed, and why. */
  'errors.at': '{where}: {reason}',
} as const;
