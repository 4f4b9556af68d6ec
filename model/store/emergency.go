package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/roundtable/roundtable/model"
)

// EmergencyDir is where the changes that could not be saved are written when
// Roundtable stops: its folder under $XDG_STATE_HOME.
func EmergencyDir() string { return filepath.Join(xdg.StateHome, "roundtable") }

// WriteEmergencyCopy writes sess, which could not be saved to the session
// file at sessionPath, as a session file of its own, and returns its path:
// <id>.unsaved-<time>.toml in EmergencyDir, or beside the session when that
// cannot be written, or in the system's temporary folder as a last resort.
// The copy is a whole session file: roundtable open reads it.
func WriteEmergencyCopy(sess *model.Session, sessionPath string, now time.Time) (string, error) {
	data, err := encode(sess)
	if err == nil {
		err = readsBack(sess, data)
	}
	if err != nil {
		return "", fmt.Errorf("writing a copy of %s: %w", sessionPath, err)
	}
	stem := strings.TrimSuffix(filepath.Base(sessionPath), ext) + ".unsaved-" + now.UTC().Format("20060102T150405Z")
	var errs []error
	for i, dir := range []string{EmergencyDir(), filepath.Dir(sessionPath), os.TempDir()} {
		if i == 0 {
			if err := ensureDir(dir); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		for n := 1; n < 10; n++ {
			name := stem + ext
			if n > 1 {
				name = fmt.Sprintf("%s-%d%s", stem, n, ext)
			}
			path := filepath.Join(dir, name)
			if exists(path) {
				continue
			}
			err := writeNew(path, data)
			if err == nil {
				return path, nil
			}
			errs = append(errs, err)
			break
		}
	}
	return "", fmt.Errorf("writing a copy of %s: %w", sessionPath, errors.Join(errs...))
}
