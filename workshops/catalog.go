// Package workshops reads, checks and lists workshop templates: the built-in
// ones carried in the binary and the user's own in the config folder, which
// replace a built-in one of the same name.
package workshops

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/adrg/xdg"

	"github.com/roundtable/roundtable/assets"
	"github.com/roundtable/roundtable/model"
)

// The built-in workshops.
const (
	// Default is the full executive workshop new sessions use.
	Default = "default"
	// SelfAssessment is the shorter workshop a team runs on its own.
	SelfAssessment = "self-assessment"
)

// BuiltIn is the Source of a template carried in the binary.
const BuiltIn = "built-in"

// ConfigDir is the folder of the user's settings; their own workshop
// templates live in its workshops/ folder.
func ConfigDir() string { return filepath.Join(xdg.ConfigHome, "roundtable") }

// Entry is one workshop template the catalog knows.
type Entry struct {
	Name, Title string
	Steps       int
	// Source is BuiltIn or the path of a user template.
	Source string
	// Overrides is set on a user template that replaces a built-in one.
	Overrides bool
	// Err is set on a user template with a problem: it is listed with the
	// problem and never used.
	Err      error
	Workshop model.Workshop
}

// Catalog is every workshop template available. The templates are read
// and checked when the catalog is first asked for one, not when it is made:
// most starts of the program never need them.
type Catalog struct {
	configDir string
	once      sync.Once
	entries   []Entry
}

// Load returns the catalog of the built-in templates and the user's
// templates in configDir/workshops/*.toml. It never fails: a template with a
// problem is an entry with Err, so one broken file never stops the program.
func Load(configDir string) *Catalog {
	return &Catalog{configDir: configDir}
}

// read parses every template, once, however many screens ask at once.
func (c *Catalog) read() []Entry {
	c.once.Do(c.load)
	return c.entries
}

func (c *Catalog) load() {
	configDir := c.configDir
	builtIn, _ := fs.Glob(assets.Workshops, "workshops/*.toml")
	for _, name := range builtIn {
		data, err := assets.Workshops.ReadFile(name)
		c.add(entryFor(BuiltIn, path.Base(name), data, err))
	}
	var user []string
	if configDir != "" {
		// An empty folder would make the pattern relative to wherever the
		// program was started.
		user, _ = filepath.Glob(filepath.Join(configDir, "workshops", "*.toml"))
	}
	slices.Sort(user)
	for _, file := range user {
		data, err := readTemplate(file)
		c.add(entryFor(file, file, data, err))
	}
	slices.SortFunc(c.entries, func(a, b Entry) int {
		if a.Name != b.Name {
			return strings.Compare(a.Name, b.Name)
		}
		return strings.Compare(a.Source, b.Source)
	})
}

func readTemplate(file string) ([]byte, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxTemplateSize {
		return nil, tooLarge(info.Size())
	}
	return os.ReadFile(file)
}

// entryFor parses one template file into an entry.
func entryFor(source, file string, data []byte, readErr error) Entry {
	e := Entry{Source: source, Name: strings.TrimSuffix(filepath.Base(file), ".toml")}
	if readErr != nil {
		e.Err = readErr
		if errors.As(readErr, new(tooLarge)) {
			e.Err = fmt.Errorf("%s: %w", file, readErr)
		}
		return e
	}
	w, err := Parse(file, data)
	if err != nil {
		e.Err = err
		return e
	}
	e.Name, e.Title, e.Steps, e.Workshop = w.Name, w.Title, len(w.Steps), w
	return e
}

// add puts e in the catalog. A user template replaces a built-in one of the
// same name; two user templates of one name are a problem of the second.
func (c *Catalog) add(e Entry) {
	for i, old := range c.entries {
		if old.Name != e.Name || old.Err != nil || e.Err != nil {
			continue
		}
		if old.Source == BuiltIn && e.Source != BuiltIn {
			e.Overrides = true
			c.entries[i] = e
			return
		}
		e.Err = fmt.Errorf("the name %q is already used by %s; give this template another name", e.Name, old.Source)
	}
	c.entries = append(c.entries, e)
}

// List returns every template, usable or not, sorted by name.
func (c *Catalog) List() []Entry { return slices.Clone(c.read()) }

// Get returns a copy of the usable template called name.
func (c *Catalog) Get(name string) (model.Workshop, error) {
	var known []string
	entries := c.read()
	for _, e := range entries {
		if e.Err != nil {
			continue
		}
		if e.Name == name {
			return e.Workshop.Clone(), nil
		}
		known = append(known, e.Name)
	}
	for _, e := range entries {
		if e.Name == name && e.Err != nil {
			return model.Workshop{}, fmt.Errorf("the workshop %q cannot be used: %w", name, e.Err)
		}
	}
	return model.Workshop{}, fmt.Errorf("there is no workshop called %q; the workshops are: %s (see `roundtable workshops`)", name, strings.Join(known, ", "))
}

// errProblems joins a template's problems into one error.
func errProblems(problems []Problem) error {
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = errors.New(p.String())
	}
	return errors.Join(errs...)
}
