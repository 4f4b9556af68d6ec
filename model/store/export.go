package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteExport writes a document made from a session, such as the plan or a
// spreadsheet, to path, replacing any file there in one rename: a reader
// never finds half a document, and a failed export leaves the earlier file
// as it was. Like session files, it is private to the user.
func WriteExport(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// Target is where an export writes one file, decided alike for ctrl+e and
// `roundtable export`: Path, made absolute, and whether a file is there
// already (Exists), which an export replaces only when the user says so.
type Target struct {
	Path   string
	Exists bool
}

// TargetError is an export refused before anything is written: the
// current folder cannot be found (Err), the folder of Path does not exist
// (NoFolder), or a folder stands where the file would go (IsFolder). Each
// way of exporting words what to do about it.
type TargetError struct {
	Path     string
	NoFolder string
	IsFolder bool
	Err      error
}

func (e *TargetError) Error() string {
	switch {
	case e.Err != nil:
		return fmt.Sprintf("the current folder cannot be found (%v)", e.Err)
	case e.NoFolder != "":
		return fmt.Sprintf("the folder %s does not exist", e.NoFolder)
	}
	return e.Path + " is a folder"
}

func (e *TargetError) Unwrap() error { return e.Err }

// Locate decides where an export of one file goes: to path when one is
// given, else to name in the current folder.
func Locate(path, name string) (Target, error) {
	if path == "" {
		path = name
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Target{}, &TargetError{Err: err}
	}
	dir := filepath.Dir(abs)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return Target{}, &TargetError{Path: abs, NoFolder: dir}
	}
	info, err := os.Stat(abs)
	switch {
	case err == nil && info.IsDir():
		return Target{}, &TargetError{Path: abs, IsFolder: true}
	case err == nil:
		return Target{Path: abs, Exists: true}, nil
	}
	return Target{Path: abs}, nil
}
