export const USAGE = `Usage: go-env-doctor [command] [options]

Commands:
  diagnose (default)   Check this machine's Go environment and explain what is wrong.
      --json           Print one JSON document (see docs/findings.md) instead of text.
      --cwd DIR        Look for go.mod from DIR instead of the current directory.
      --go PATH        Use this go binary instead of searching PATH and the usual places.
      --timeout MS     Per-probe timeout in milliseconds (default 5000).

Exit status: 0 when nothing is an error, 1 when something is, 2 on usage or internal errors.
`;
