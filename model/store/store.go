// Package store keeps Roundtable sessions on disk: one TOML file per session
// under <root>/sessions, saved atomically with the previous version kept as a
// .bak, locked while a terminal has it open, and never overwritten when it
// does not parse.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/roundtable/roundtable/model"
)

// EnvDataDir names the environment variable that chooses the data folder
// when no --data-dir flag is given.
const EnvDataDir = "ROUNDTABLE_DATA_DIR"

// DataDir is the folder that holds Roundtable's sessions: the flag when it is
// set, else $ROUNDTABLE_DATA_DIR, else the XDG data folder.
func DataDir(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv(EnvDataDir); env != "" {
		return env
	}
	return filepath.Join(xdg.DataHome, "roundtable")
}

// Store is the folder of session files.
type Store struct {
	root string
}

// New returns the store under root; nothing is created until a session is.
func New(root string) *Store {
	return &Store{root: root}
}

// Root is the data folder the store lives in.
func (s *Store) Root() string { return s.root }

// SessionsDir is the folder of session files.
func (s *Store) SessionsDir() string { return filepath.Join(s.root, "sessions") }

// TrashDir is where trashed sessions go.
func (s *Store) TrashDir() string { return filepath.Join(s.root, "trash") }

// Entry is one session of the list on the home screen.
type Entry struct {
	ID, Path                      string
	Title, Organisation, Workshop string
	Updated                       time.Time
	// Done and Total count the workshop's steps that are complete, and all
	// of them.
	Done, Total int
	// Err is set when the file cannot be read or parsed; it names the file,
	// line and column.
	Err error
}

// ErrNotFound is wrapped by errors for a session reference that matches
// nothing.
var ErrNotFound = errors.New("no such session")

// AmbiguousError is a session reference that is the prefix of several ids.
type AmbiguousError struct {
	Ref     string
	Matches []Entry
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d sessions; give more of the id:", e.Ref, len(e.Matches))
	for _, m := range e.Matches {
		title := m.Title
		if m.Err != nil {
			title = "(cannot be read)"
		}
		fmt.Fprintf(&b, "\n  %s  %s", m.ID, title)
	}
	return b.String()
}

const ext = ".toml"

// List returns every session, most recently changed first. A file that
// cannot be read is an Entry with Err set, so one broken file never hides
// the others. Temporary files left by an interrupted save are not listed.
func (s *Store) List() ([]Entry, error) {
	s.keepPrivate()
	names, err := s.ids()
	if err != nil {
		return nil, err
	}
	entries := s.entries(names)
	newestFirst(entries)
	return entries, nil
}

// newestFirst orders entries as the lists show them: the most recently
// changed first, then by id.
func newestFirst(entries []Entry) {
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// ids lists the session ids in the sessions folder, sorted. A folder named
// like a session is listed too, to show as a problem rather than hide.
func (s *Store) ids() ([]string, error) {
	des, err := os.ReadDir(s.SessionsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing sessions: %w", err)
	}
	var ids []string
	for _, de := range des {
		name := de.Name()
		// Temporary files start with a dot; backups and locks have
		// their own extension.
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ext) {
			continue
		}
		ids = append(ids, strings.TrimSuffix(name, ext))
	}
	return ids, nil
}

func (s *Store) entry(id string) Entry { return entryAt(id, s.path(id)) }

// entryAt reads the list entry of the session file at path.
func entryAt(id, path string) Entry {
	e := Entry{ID: id, Path: path}
	sess, _, err := Load(e.Path)
	if err != nil {
		e.Err = err
		return e
	}
	e.Title = sess.Meta.Title
	e.Organisation = sess.Meta.Organisation
	e.Workshop = sess.Meta.Workshop
	e.Updated = sess.Meta.Updated
	e.Done, e.Total = sess.Progress()
	return e
}

func (s *Store) path(id string) string { return filepath.Join(s.SessionsDir(), id+ext) }

// Resolve finds the file of a session from what a person typed: an id, a
// unique prefix of one, or the path of a .toml file.
func (s *Store) Resolve(ref string) (string, error) {
	if ref == "" {
		return "", fmt.Errorf("no session given: %w; `roundtable list` shows every session", ErrNotFound)
	}
	isPath := strings.ContainsRune(ref, os.PathSeparator) || strings.ContainsRune(ref, '/')
	if !isPath && strings.HasSuffix(ref, ext) && !exists(ref) {
		// "acme-roles-7f3k.toml" typed from the sessions list.
		ref = filepath.Join(s.SessionsDir(), ref)
		isPath = true
	}
	if isPath || strings.HasSuffix(ref, ext) {
		info, err := os.Stat(ref)
		if err != nil {
			return "", fmt.Errorf("session file %s: %w", ref, errors.Join(ErrNotFound, err))
		}
		if info.IsDir() {
			return "", fmt.Errorf("%s is a folder, not a session file", ref)
		}
		return filepath.Abs(ref)
	}
	ids, err := s.ids()
	if err != nil {
		return "", err
	}
	var matches []string
	for _, id := range ids {
		if id == ref {
			return s.path(id), nil
		}
		if strings.HasPrefix(id, ref) {
			matches = append(matches, id)
		}
	}
	switch len(matches) {
	case 0:
		return "", fmt.Errorf("no session %q in %s (%w); `roundtable list` shows every session", ref, s.SessionsDir(), ErrNotFound)
	case 1:
		return s.path(matches[0]), nil
	}
	amb := &AmbiguousError{Ref: ref}
	for _, id := range matches {
		amb.Matches = append(amb.Matches, s.entry(id))
	}
	return "", amb
}

// Create writes a new session file for sess and returns its path. It never
// replaces a file: a session with the same id is an error.
func (s *Store) Create(sess *model.Session) (string, error) {
	if err := checkID(sess.ID); err != nil {
		return "", err
	}
	path := s.path(sess.ID)
	data, err := encodeChecked(sess, path)
	if err != nil {
		return "", err
	}
	if err := ensureDir(s.SessionsDir()); err != nil {
		return "", err
	}
	if err := writeNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// Duplicate copies a session under a new id and title (the old title with
// " (copy)" when title is empty) and returns the copy, already saved.
func (s *Store) Duplicate(ref, title string) (*model.Session, error) {
	path, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	sess, _, err := Load(path)
	if err != nil {
		return nil, err
	}
	title = strings.TrimSpace(model.Clean(title))
	if title == "" {
		title = sess.Meta.Title + " (copy)"
	}
	now := time.Now().UTC().Truncate(time.Second)
	sess.ID = NewID(title, now)
	sess.Meta.Title = title
	sess.Meta.Created = now
	sess.Meta.Updated = now
	if _, err := s.Create(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

// Trash moves a session file, and its backup, into the trash folder and
// returns where the file went. Nothing is deleted. A session open in
// another terminal is refused with a *LockedError.
func (s *Store) Trash(ref string) (string, error) {
	path, err := s.Resolve(ref)
	if err != nil {
		return "", err
	}
	lk, err := lock(path)
	if err != nil {
		return "", err
	}
	// A symbolic link goes to the trash, the file it points to stays, and
	// so does that file's lock.
	moved := false
	defer func() {
		if moved {
			lk.discard()
		} else {
			lk.release()
		}
	}()

	trash := s.TrashDir()
	if err := ensureDir(trash); err != nil {
		return "", err
	}
	stem := strings.TrimSuffix(filepath.Base(path), ext)
	dest := filepath.Join(trash, stem+ext)
	if exists(dest) || exists(dest+".bak") {
		stamp := time.Now().UTC().Format("20060102T150405Z")
		dest = filepath.Join(trash, stem+"-"+stamp+ext)
		for n := 2; exists(dest) || exists(dest+".bak"); n++ {
			dest = filepath.Join(trash, fmt.Sprintf("%s-%s-%d%s", stem, stamp, n, ext))
		}
	}
	// The backup goes first: if the session's own move then fails, the
	// session stays where it was and only its backup is in the trash.
	if exists(path + ".bak") {
		if err := os.Rename(path+".bak", dest+".bak"); err != nil {
			return "", fmt.Errorf("moving the backup of %s to the trash: %w", path, err)
		}
	}
	if err := os.Rename(path, dest); err != nil {
		return "", fmt.Errorf("moving %s to the trash: %w", path, err)
	}
	// The lock file has nothing left to guard. It goes while still held:
	// a program that opened it meanwhile finds no session behind it.
	moved = !isLink(path, dest)
	if err := syncDir(filepath.Dir(path)); err != nil {
		return "", err
	}
	if err := syncDir(trash); err != nil {
		return "", err
	}
	return dest, nil
}

// isLink reports whether the session file that was at path, now at dest,
// is a symbolic link.
func isLink(path, dest string) bool {
	info, err := os.Lstat(dest)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// keepPrivate makes the sessions and trash folders private to the user
// however they were found: created by hand, unpacked from an archive or
// copied from a stick. Best effort: some file systems have no modes.
func (s *Store) keepPrivate() {
	for _, dir := range []string{s.SessionsDir(), s.TrashDir()} {
		makePrivate(dir)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// idAlphabet leaves out letters that are easy to misread: i, l, o, u.
const idAlphabet = "abcdefghjkmnpqrstvwxyz0123456789"

// NewID makes a readable, unique-enough session id: the title as lowercase
// ASCII words joined by '-', cut to 40 characters, then '-' and four random
// characters. A title with nothing to slug gives "session-YYYYMMDD".
func NewID(title string, now time.Time) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			if folded, ok := asciiFold[r]; ok {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				dash = false
				b.WriteString(folded)
				continue
			}
			dash = true
		}
	}
	slug := b.String()
	if len(slug) > 40 {
		slug = slug[:40]
		if i := strings.LastIndexByte(slug, '-'); i >= 20 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug, "-")
	}
	if slug == "" {
		slug = "session-" + now.Format("20060102")
	}
	suffix := make([]byte, 4)
	for i := range suffix {
		suffix[i] = idAlphabet[rand.IntN(len(idAlphabet))]
	}
	return slug + "-" + string(suffix)
}

// asciiFold spells the accented letters of European titles in ASCII.
var asciiFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "ae", 'ã': "a", 'å': "a", 'æ': "ae", 'ç': "c", 'è': "e", 'é': "e",
	'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o",
	'ö': "oe", 'õ': "o", 'ø': "o", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "ue", 'ý': "y", 'ÿ': "y", 'ß': "ss",
	'œ': "oe", 'ł': "l", 'ś': "s", 'ź': "z", 'ż': "z", 'ć': "c", 'ń': "n", 'ę': "e", 'ą': "a", 'č': "c",
	'š': "s", 'ž': "z", 'ř': "r", 'ě': "e", 'ů': "u",
}

// checkID refuses ids that cannot be a file name in the sessions folder.
func checkID(id string) error {
	if id == "" || len(id) > 100 || strings.HasPrefix(id, ".") || strings.HasPrefix(id, "-") {
		return fmt.Errorf("session id %q cannot be a file name: use store.NewID", id)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return fmt.Errorf("session id %q cannot be a file name: use store.NewID", id)
		}
	}
	return nil
}
