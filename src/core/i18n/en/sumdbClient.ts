// Why a checksum-database lookup failed (core/sumdb/client.ts) and what a mirror comparison had
// for a reference (core/proxyRewrite/reference.ts). `{name}` is a parameter; see ../catalog.ts.
export const sumdbClient = {
  'sumdb.invalidEntry':
    'GOPROXY entry "{entry}" is invalid ({reason}), so the checksum database cannot be reached through it.',
  'sumdb.supported.status': 'answered HTTP {status}',
  'sumdb.supported.unreachable': 'could not be reached ({error})',
  'sumdb.supported.failed':
    'The GOPROXY mirror {mirror} {failure} when asked whether it serves the checksum database {db} ({url}); cmd/go treats that as the database being unavailable.',
  'sumdb.notFound': 'The checksum database {db} has no record of {module}@{version} (HTTP {status} from {url}).',
  'sumdb.lookupStatus': 'The checksum database answered HTTP {status} for {url}.',
  'sumdb.badRecord': "The checksum database's answer for {module}@{version} is not a valid record ({error}).",
  'sumdb.what.saved': 'the tree head saved in {file}',
  'sumdb.what.lookup': 'the tree note in the lookup response from {url}',
  'sumdb.what.otherProcess': 'the tree head another process saved in {file}',
  'sumdb.what.savedHead': 'the saved tree head',
  'sumdb.note.unsigned': '{what} is not signed by the key of {db} ({key}){signers}.',
  'sumdb.note.signers': '; it is signed only by {signers}',
  'sumdb.note.badSignature': "{what} carries a signature by {db}'s key that does not verify.",
  'sumdb.note.malformed': '{what} is not a well-formed signed note ({error}).',
  'sumdb.note.notTree': '{what} is signed but is not a go.sum database tree ({error}).',
  'sumdb.inconsistent':
    'SECURITY ERROR: the checksum database {db} is inconsistent with the tree head verified earlier. Its tree of {newer} records does not contain the earlier tree of {older} records (the database forked or was rolled back): hash of the first {older} records is {hash}, the earlier signed head says {earlier}.\nold database:\n\t{oldNote}\nnew database:\n\t{newNote}',
  'sumdb.recordOutside':
    'The checksum database returned record #{id} for {what}, which is not in its signed tree of {n} records.',
  'sumdb.recordMismatch':
    'The record for {what} (#{id}) is not the one the signed tree of {n} records contains: cannot authenticate the record data.',
  'sumdb.proof': "The checksum database's proof does not verify: {doing}: {error}.",
  'sumdb.proof.consistency': 'checking tree#{older} against tree#{newer}',
  'sumdb.proof.inclusion': 'proving record #{id} ({what}) is in tree#{n}',
  'sumdb.tileStatus': 'The checksum database answered HTTP {status} for tile {url}.',
  'sumdb.unreachable': 'Could not reach the checksum database at {url}: {error}.',
  'sumdb.noCompleteAnswer': 'no complete answer from the checksum database {db} within {ms} ms',
  'sumdb.ref.builtin': 'from the go.sum line {db} published for it (shipped with go-env-doctor), because {why}',
  'sumdb.ref.none': 'no trusted hash: {why}; the mirrors can only be compared with each other',
  'sumdb.ref.off': 'checksum verification is off (GOSUMDB=off)',
  'sumdb.ref.noGoMod': 'the checksum database {db} has no go.mod line for {ref}',
  'sumdb.ref.noRecord': 'the checksum database {db} has no record of {ref}',
  'sumdb.ref.notVerified': 'the checksum database {db} gave an answer that does not verify: {problem}',
  'sumdb.ref.unreachable': 'the checksum database {db} cannot be reached: {problem}',
  'sumdb.ref.unreachableAll':
    'the checksum database {db} cannot be reached directly ({problem}) nor through any candidate mirror ({mirrors})',
  'sumdb.ref.via.proxy': 'through {url}',
  'sumdb.ref.via.direct': 'at {url}',
  'sumdb.ref.fromDb': 'from the checksum database {db} {via} (signed, proven in its log)',
  'sumdb.ref.fromDbViaMirrors':
    'from the checksum database {db} {via} (signed, proven in its log; it cannot be reached directly: {problem})',
  'sumdb.ref.noMirror': 'no mirror to compare',
} as const;
