package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// writeData puts the new content into the temporary file. It is a variable
// so tests can make a save fail half-way through.
var writeData = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// tempMark is in the name of every temporary file next to a session file:
// "." + <id>.toml + tempMark + random. The leading dot keeps them out of List.
const tempMark = ".tmp-"

// ensureDir creates dir private to the user, and makes it private if it
// already existed open to others.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the folder %s: %w", dir, err)
	}
	makePrivate(dir)
	return nil
}

// makePrivate takes away what others may do in dir, if it is there. Best
// effort: some file systems (FAT on a USB stick) have no modes.
func makePrivate(dir string) {
	if info, err := os.Stat(dir); err == nil && info.IsDir() && info.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(dir, 0o700)
	}
}

// writeTemp writes data to a new temporary file beside path, synced to disk,
// and returns its name. On failure nothing is left behind.
func writeTemp(path string, data []byte) (string, error) {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(dir, "."+base+tempMark+"*")
	if err != nil {
		return "", fmt.Errorf("saving %s: %w", path, err)
	}
	tmp := f.Name()
	err = writeData(f, data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("saving %s: %w; the file on disk is unchanged", path, err)
	}
	return tmp, nil
}

// replace saves data over path atomically: a reader, or the next start after
// a crash, finds either the old file or the new one, complete. The old file
// is kept as path.bak first, so there is always one or the other. check,
// when there is one, runs while the new file is written and synced, which
// mostly waits for the disk; if it fails the old file stays.
func replace(path string, data []byte, check func() error) error {
	removeStrayTemps(path)
	checked := make(chan error, 1)
	if check == nil {
		checked <- nil
	} else {
		go func() {
			// A goroutine's panic would end the program with the change
			// unsaved; a failed check only keeps the old file.
			defer func() {
				if r := recover(); r != nil {
					checked <- fmt.Errorf("%w: checking it failed: %v", ErrNotReadBack, r)
				}
			}()
			checked <- check()
		}()
	}
	tmp, err := writeTemp(path, data)
	// The check reads the session being saved: it is done before replace
	// returns, whatever happened.
	if cerr := <-checked; cerr != nil {
		if err == nil {
			os.Remove(tmp)
		}
		return fmt.Errorf("saving %s: %w; the file on disk is unchanged", path, cerr)
	}
	if err != nil {
		return err
	}
	if err := backup(path); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("saving %s: %w; the file on disk is unchanged", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// backup makes path.bak the current content of path, replacing the older
// backup in one rename. A hard link costs nothing; file systems without
// links get a synced copy.
func backup(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dir, base := filepath.Split(path)
	tmp := filepath.Join(dir, "."+base+tempMark+"bak-"+randomName())
	if err := os.Link(path, tmp); err != nil {
		if err := copyFile(path, tmp); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("keeping the previous version of %s: %w; nothing was saved", path, err)
		}
	}
	if err := os.Rename(tmp, path+".bak"); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keeping the previous version of %s: %w; nothing was saved", path, err)
	}
	// The backup must be on disk before the rename that replaces the file.
	return syncDir(dir)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeNew saves data as path, which must not exist yet.
func writeNew(path string, data []byte) error {
	removeStrayTemps(path)
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A link fails when the name is taken, so two creators never overwrite
	// each other.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("a session file %s already exists; nothing was written", path)
		}
		if exists(path) {
			return fmt.Errorf("a session file %s already exists; nothing was written", path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("saving %s: %w", path, err)
		}
	}
	return syncDir(filepath.Dir(path))
}

// removeStrayTemps deletes temporary files an interrupted save of path left.
// Only the holder of the session's lock saves it, so none is in use.
func removeStrayTemps(path string) {
	dir, base := filepath.Split(path)
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + tempMark
	for _, de := range des {
		if strings.HasPrefix(de.Name(), prefix) {
			os.Remove(filepath.Join(dir, de.Name()))
		}
	}
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		// Windows cannot flush a folder; NTFS journals the rename itself.
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("saving in %s: %w", dir, err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	// Some file systems cannot sync a folder; the rename is still atomic.
	if err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("saving in %s: %w", dir, err)
	}
	return nil
}

func randomName() string {
	b := make([]byte, 10)
	for i := range b {
		b[i] = idAlphabet[rand.IntN(len(idAlphabet))]
	}
	return string(b)
}
