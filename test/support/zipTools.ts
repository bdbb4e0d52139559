// Zips made by real zip writers, for the streaming unzipper: Info-ZIP's `zip` (to a file, and to
// a pipe, where it writes data descriptors) and Go's archive/zip (the writer Go's release zips
// come from: every file deflated, sizes in a data descriptor after the data), run with the real
// go on a tiny program.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when Info-ZIP's zip is installed. */
export async function haveZip(): Promise<boolean> {
  return run('zip', ['-v']).then(
    () => true,
    () => false,
  );
}

/** `zip -r` of `entry` (relative to `cwd`) into `out`; `piped` writes through a pipe (data descriptors). */
export async function infoZip(cwd: string, entry: string, out: string, opts: { piped?: boolean } = {}): Promise<void> {
  if (opts.piped)
    await run('sh', ['-c', `zip -qr - "$E" | cat > "$O"`], { cwd, env: { ...process.env, E: entry, O: out } });
  else await run('zip', ['-qr', out, entry], { cwd });
}

const GO_ZIPPER = `package main

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Zips the tree under os.Args[1] (names relative to its parent) into os.Args[2].
func main() {
	root, out := os.Args[1], os.Args[2]
	f, err := os.Create(out)
	if err != nil {
		panic(err)
	}
	zw := zip.NewWriter(f)
	base := filepath.Dir(root)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h, err := zip.FileInfoHeader(info)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		h.Name = filepath.ToSlash(rel)
		if d.IsDir() {
			h.Name += "/"
		} else {
			h.Method = zip.Deflate
		}
		w, err := zw.CreateHeader(h)
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.Open(p)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err != nil {
		panic(err)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}
`;

/** Zips `root` with Go's archive/zip into `out` (the real go runs a small program in `scratch`). */
export async function goZip(scratch: string, root: string, out: string): Promise<void> {
  const dir = await fs.mkdtemp(path.join(scratch, 'gozip-'));
  await fs.writeFile(path.join(dir, 'main.go'), GO_ZIPPER);
  await run('go', ['run', 'main.go', root, out], {
    cwd: dir,
    env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '' },
  });
}
