package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// brokenMark is in the name a file that did not parse keeps when its
// backup is restored in its place: <id>.toml.broken-<time>. It does not end
// in .toml, so the list never shows it as a session.
const brokenMark = ".broken-"

// TrashList returns the sessions in the trash folder, as List returns the
// sessions: most recently changed first, a file that cannot be read listed
// with its error.
func (s *Store) TrashList() ([]Entry, error) {
	des, err := os.ReadDir(s.TrashDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing the trash: %w", err)
	}
	var out []Entry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ext) || de.IsDir() {
			continue
		}
		out = append(out, entryAt(strings.TrimSuffix(name, ext), filepath.Join(s.TrashDir(), name)))
	}
	newestFirst(out)
	return out, nil
}

// Restore takes a session file out of the trash, with its backup, back to
// the sessions folder, and returns where it is now. It never replaces a
// session: when the session's id is taken meanwhile, it comes back under a
// new id (renamed is then set).
func (s *Store) Restore(trashed string) (path string, renamed bool, err error) {
	if filepath.Dir(filepath.Clean(trashed)) != filepath.Clean(s.TrashDir()) || !strings.HasSuffix(trashed, ext) {
		return "", false, fmt.Errorf("%s is not a session in the trash folder %s", trashed, s.TrashDir())
	}
	if _, err := os.Lstat(trashed); err != nil {
		return "", false, fmt.Errorf("%s is no longer in the trash: %w", filepath.Base(trashed), err)
	}
	if err := ensureDir(s.SessionsDir()); err != nil {
		return "", false, err
	}
	// The file's own id names it again; a trash name may carry the time it
	// was trashed at.
	id := strings.TrimSuffix(filepath.Base(trashed), ext)
	sess, _, loadErr := Load(trashed)
	if loadErr == nil && checkID(sess.ID) == nil {
		id = sess.ID
	}
	dest := s.path(id)
	if !exists(dest) && !exists(dest+".bak") {
		if err := moveNew(trashed, dest); err == nil {
			return dest, false, s.restoreBackup(trashed, dest, nil)
		} else if !errors.Is(err, fs.ErrExist) {
			return "", false, fmt.Errorf("taking %s out of the trash: %w", filepath.Base(trashed), err)
		}
	}
	if loadErr != nil {
		return "", false, fmt.Errorf("a session %s is already in the sessions folder, and the one in the trash cannot be read to give it another id (%v); nothing was restored", id, loadErr)
	}
	sess.ID = NewID(sess.Meta.Title, time.Now())
	data, err := Encode(sess)
	if err != nil {
		return "", false, err
	}
	dest = s.path(sess.ID)
	if err := writeNew(dest, data); err != nil {
		return "", false, err
	}
	if err := os.Remove(trashed); err != nil {
		return "", false, fmt.Errorf("the session is back as %s, but its copy in the trash could not be removed: %w", dest, err)
	}
	return dest, true, s.restoreBackup(trashed, dest, &sess.ID)
}

// restoreBackup moves the backup of a trashed session beside the restored
// one; newID, when set, is written into it too, so that going back to the
// backup later keeps the session's new id.
func (s *Store) restoreBackup(trashed, dest string, newID *string) error {
	from, to := trashed+".bak", dest+".bak"
	if !exists(from) {
		return syncDirs(filepath.Dir(trashed), filepath.Dir(dest))
	}
	if newID != nil {
		if bak, _, err := Load(from); err == nil {
			bak.ID = *newID
			if data, err := Encode(bak); err == nil {
				if err := writeNew(to, data); err != nil {
					return fmt.Errorf("the session is back as %s, but its backup stays in the trash: %w", dest, err)
				}
				_ = os.Remove(from)
				return syncDirs(filepath.Dir(trashed), filepath.Dir(dest))
			}
		}
	}
	if err := moveNew(from, to); err != nil {
		return fmt.Errorf("the session is back as %s, but its backup stays in the trash: %w", dest, err)
	}
	return syncDirs(filepath.Dir(trashed), filepath.Dir(dest))
}

// moveNew moves from to to, which must not exist: a hard link fails when
// the name is taken, so nothing is ever replaced. File systems without
// links get a rename after a last look.
func moveNew(from, to string) error {
	if err := os.Link(from, to); err != nil {
		if errors.Is(err, fs.ErrExist) || exists(to) {
			return fs.ErrExist
		}
		return os.Rename(from, to)
	}
	return os.Remove(from)
}

func syncDirs(dirs ...string) error {
	for _, d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// RestoreBackup puts the backup of a session file that does not parse in
// its place, and returns the name the broken file is kept under beside it
// (<id>.toml.broken-<time>), so nothing of it is lost. It refuses a file
// that parses, a backup that does not, and a session open elsewhere.
func (s *Store) RestoreBackup(ref string) (string, error) {
	path, err := s.Resolve(ref)
	if err != nil {
		return "", err
	}
	lk, err := lock(path)
	if err != nil {
		return "", err
	}
	defer lk.release()

	var pe *ParseError
	if _, _, err := Load(path); err == nil {
		return "", fmt.Errorf("%s can be read, so its backup was not put in its place", path)
	} else if !errors.As(err, &pe) {
		return "", err
	}
	bak := path + ".bak"
	data, err := readFile(bak)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s has no backup to go back to; fix it in a text editor", path)
	}
	if err != nil {
		return "", fmt.Errorf("reading the backup %s: %w", bak, err)
	}
	if _, _, err := Decode(data); err != nil {
		return "", fmt.Errorf("the backup %s cannot be read either (%v); fix one of them in a text editor", bak, err)
	}
	broken := path + brokenMark + time.Now().UTC().Format("20060102T150405Z")
	for n := 2; exists(broken); n++ {
		broken = fmt.Sprintf("%s%s%s-%d", path, brokenMark, time.Now().UTC().Format("20060102T150405Z"), n)
	}
	// The broken file keeps its content under its new name before the
	// backup replaces it in one rename: at every moment one of them is at
	// path, and nothing is lost.
	if err := os.Link(path, broken); err != nil {
		if err := copyFile(path, broken); err != nil {
			os.Remove(broken)
			return "", fmt.Errorf("keeping the broken file as %s: %w; nothing was changed", broken, err)
		}
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("putting the backup in place of %s: %w; the broken file is unchanged", path, err)
	}
	return broken, syncDir(filepath.Dir(path))
}
