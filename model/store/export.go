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
