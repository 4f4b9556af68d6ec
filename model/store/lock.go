package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// sessionLock keeps a second Roundtable from writing a session while this
// one has it open. It holds two locks, both dropped by the kernel when the
// holder dies:
//
//   - the lock file <id>.lock beside the session's real file (symbolic links
//     and spellings such as "./sessions/../sessions/x.toml" resolved), which
//     is never renamed, so every opener of that file locks the same inode;
//   - the session file itself, whose inode any other name of the same file
//     (a hard link, or a second spelling on a case-insensitive disk) also
//     reaches. A save puts a new inode in place, so the lock moves to it
//     after every save (renew).
type sessionLock struct {
	// file is the session's real file, where it is saved.
	file string
	// path is the lock file, held through lock.
	path string
	lock *os.File
	// created is set when this opener made the lock file.
	created bool
	// ident is the session file, locked, where the platform allows it.
	ident *os.File
}

func lockPath(sessionPath string) string {
	return strings.TrimSuffix(sessionPath, ext) + ".lock"
}

// realFile resolves the symbolic links and the spelling of a session path,
// so that every name of one file leads to one lock file.
func realFile(sessionPath string) (string, error) {
	abs, err := filepath.Abs(sessionPath)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// lock takes the session's locks without waiting, or returns a
// *LockedError that says who holds them.
func lock(sessionPath string) (*sessionLock, error) {
	file, err := realFile(sessionPath)
	if err != nil {
		return nil, fmt.Errorf("session file %s: %w", sessionPath, errors.Join(ErrNotFound, err))
	}
	l := &sessionLock{file: file, path: lockPath(file)}
	// A lock file removed or replaced between the open and the lock (the
	// session went to the trash) is not the one the next opener finds, so
	// the lock is taken again on whatever is there now.
	for attempt := 0; ; attempt++ {
		f, created, err := openLockFile(l.path)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", sessionPath, err)
		}
		if !ok {
			le := readHolder(f)
			f.Close()
			le.Path = sessionPath
			return nil, le
		}
		if stillAt(f, l.path) {
			l.lock, l.created = f, created
			break
		}
		f.Close()
		if attempt == 3 {
			return nil, fmt.Errorf("locking %s: its lock file %s keeps being replaced; close the other programs that use the sessions folder and try again", sessionPath, l.path)
		}
	}
	// Who holds the lock is only for the message of a refused opener; the
	// lock does not depend on it, so a failed write is not fatal.
	host, _ := os.Hostname()
	holder := fmt.Sprintf("pid %d\nhost %s\nsince %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	if l.lock.Truncate(0) == nil {
		_, _ = l.lock.WriteAt([]byte(holder), 0)
	}

	l.ident, err = lockIdentity(file)
	if err != nil {
		l.drop()
		if errors.Is(err, errHeldElsewhere) {
			return nil, &LockedError{Path: sessionPath, Alias: true}
		}
		return nil, fmt.Errorf("opening %s: %w", sessionPath, err)
	}
	return l, nil
}

// drop releases a lock that turned out to guard no session: the lock file
// goes too when this opener made it.
func (l *sessionLock) drop() {
	if l.created {
		l.discard()
		return
	}
	l.release()
}

// errHeldElsewhere is a session file locked through another of its names.
var errHeldElsewhere = errors.New("the session file is locked through another name")

// errNotRegular is a session path that names something other than a file.
var errNotRegular = errors.New("it is not a regular file, so not a session file")

// openLockFile opens the lock file, making it when there is none. It never
// follows a symbolic link and never waits (a FIFO or a device put in its
// place would hang open), and it refuses anything but a regular file.
func openLockFile(path string) (f *os.File, created bool, err error) {
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, false, notALockFile(path, info.Mode())
	}
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
	created = err == nil
	if errors.Is(err, fs.ErrExist) {
		f, err = os.OpenFile(path, os.O_RDWR|noFollow, 0)
		if errors.Is(err, fs.ErrPermission) {
			// A lock file that is not ours to write still locks; only the
			// holder's name cannot be left in it.
			f, err = os.OpenFile(path, os.O_RDONLY|noFollow, 0)
		}
	}
	if err != nil {
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return nil, false, notALockFile(path, info.Mode())
		}
		return nil, false, fmt.Errorf("opening the lock file %s: %w", path, err)
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = notALockFile(path, info.Mode())
	}
	if err != nil {
		f.Close()
		return nil, false, err
	}
	return f, created, nil
}

func notALockFile(path string, mode fs.FileMode) error {
	return fmt.Errorf("the session's lock file %s is %s, which Roundtable never makes and does not touch; remove it (rm %s) and open the session again",
		path, fileKind(mode), ShellQuote(path))
}

// fileKind names what a file that is not a regular one is.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// stillAt reports whether f is the file now at path.
func stillAt(f *os.File, path string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Lstat(path)
	return err == nil && os.SameFile(held, now)
}

// readHolder reads who holds a lock from the lock file's own descriptor,
// at most a few lines of it.
func readHolder(f *os.File) *LockedError {
	le := &LockedError{}
	sc := bufio.NewScanner(io.LimitReader(io.NewSectionReader(f, 0, 4096), 4096))
	for sc.Scan() {
		key, value, _ := strings.Cut(sc.Text(), " ")
		switch key {
		case "pid":
			le.PID, _ = strconv.Atoi(value)
		case "host":
			le.Host = value
		case "since":
			le.Since, _ = time.Parse(time.RFC3339, value)
		}
	}
	return le
}

// renew moves the lock on the session file to the file a save has just put
// in place of the one locked. Only this holder can reach the new file by
// the session's own name, so the lock is there for the asking.
func (l *sessionLock) renew() {
	if l.ident == nil {
		return
	}
	f, err := lockIdentity(l.file)
	if err != nil || f == nil {
		return
	}
	l.ident.Close()
	l.ident = f
}

func (l *sessionLock) release() error {
	if l.ident != nil {
		l.ident.Close()
		l.ident = nil
	}
	if l.lock == nil {
		return nil
	}
	err := l.lock.Close()
	l.lock = nil
	return err
}

// discard removes the lock file while still holding it, for a session that
// is gone from beside it or was never a session: an opener that got the
// file meanwhile finds it replaced and locks the new one instead.
func (l *sessionLock) discard() error {
	if l.lock != nil && stillAt(l.lock, l.path) {
		_ = os.Remove(l.path)
	}
	return l.release()
}
