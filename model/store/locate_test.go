package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Where an export goes is decided in one place for ctrl+e and `roundtable
// export`: the file asked for or the plan's name in the current folder, a
// file there already said so, and a missing folder or a folder in the way
// refused before anything is written.
func TestLocateDecidesWhereAnExportGoes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if to, err := Locate("", "acme-plan.md"); err != nil || to.Path != filepath.Join(dir, "acme-plan.md") || to.Exists {
		t.Errorf("the plan's own name: %+v, %v", to, err)
	}
	if err := os.WriteFile("board.md", []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if to, err := Locate("board.md", "acme-plan.md"); err != nil || to.Path != filepath.Join(dir, "board.md") || !to.Exists {
		t.Errorf("a file already there: %+v, %v", to, err)
	}
	var te *TargetError
	if _, err := Locate("missing/plan.md", ""); !errors.As(err, &te) || te.NoFolder != filepath.Join(dir, "missing") {
		t.Errorf("a missing folder: %v", err)
	}
	if err := os.Mkdir("sheets", 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Locate("sheets", ""); !errors.As(err, &te) || !te.IsFolder || te.Path != filepath.Join(dir, "sheets") {
		t.Errorf("a folder in the way: %v", err)
	}
}
