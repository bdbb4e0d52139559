// A child process for the kill-and-resume tests: runs one segmented download (argv[2]: the
// HarnessFile as JSON) and prints the bytes written so far, one line per progress report, so the
// parent can SIGKILL it at a chosen point.
import { HashingConsumer, runSegmented, type HarnessFile } from './segmentedHarness';

const f = JSON.parse(process.argv[2]!) as HarnessFile;
runSegmented(f, new HashingConsumer(), {
  onProgress: (p) => process.stdout.write(`${p.bytes}\n`),
}).then(
  () => process.stdout.write('done\n'),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  },
);
