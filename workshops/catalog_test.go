package workshops

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// The user's templates live where the XDG config folder says, never in a
// fixed home path.
func TestConfigDirFollowsXDG(t *testing.T) {
	// Registered first so it runs last, once Setenv has put the old value back.
	t.Cleanup(xdg.Reload)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	if got, want := ConfigDir(), filepath.Join(dir, "roundtable"); got != want {
		t.Fatalf("ConfigDir() = %q, want %q", got, want)
	}
	writeTemplate(t, ConfigDir(), "ours.toml", strings.Replace(readFixture(t), `name = "mini"`, `name = "ours"`, 1))
	w, err := Load(ConfigDir()).Get("ours")
	if err != nil {
		t.Fatal(err)
	}
	if w.Title != "Mini workshop" {
		t.Errorf("got %q from the config folder", w.Title)
	}
}

func writeTemplate(t *testing.T, configDir, name, src string) string {
	t.Helper()
	dir := filepath.Join(configDir, "workshops")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// Two user files claiming one name: the first (by file name) is used, the
// second is listed with a problem that names the first.
func TestTwoUserTemplatesOfOneName(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(readFixture(t), `name = "mini"`, `name = "ours"`, 1)
	first := writeTemplate(t, dir, "a.toml", src)
	writeTemplate(t, dir, "b.toml", strings.Replace(src, `title = "Mini workshop"`, `title = "Second"`, 1))
	c := Load(dir)
	w, err := c.Get("ours")
	if err != nil {
		t.Fatal(err)
	}
	if w.Title != "Mini workshop" {
		t.Errorf("Get used %q, want the first file's template", w.Title)
	}
	var broken int
	for _, e := range c.List() {
		if e.Name == "ours" && e.Err != nil {
			broken++
			if !strings.Contains(e.Err.Error(), first) || !strings.HasSuffix(e.Source, "b.toml") {
				t.Errorf("the second template's problem does not point at the first: %v (%s)", e.Err, e.Source)
			}
		}
	}
	if broken != 1 {
		t.Errorf("%d entries of the name listed as broken, want 1", broken)
	}
}

func TestListIsSortedAndDescribesEachTemplate(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "aardvark.toml", strings.Replace(readFixture(t), `name = "mini"`, `name = "aardvark"`, 1))
	list := Load(dir).List()
	var names []string
	for _, e := range list {
		names = append(names, e.Name)
		if e.Err == nil && (e.Title == "" || e.Steps != len(e.Workshop.Steps) || e.Steps == 0) {
			t.Errorf("the entry %q lacks its title or step count: %+v", e.Name, e)
		}
	}
	if want := []string{"aardvark", Default, SelfAssessment}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("listed %v, want %v", names, want)
	}
	if list[0].Source != filepath.Join(dir, "workshops", "aardvark.toml") || list[0].Overrides {
		t.Errorf("the user template's source is %q (overrides %v)", list[0].Source, list[0].Overrides)
	}
	if list[1].Source != BuiltIn {
		t.Errorf("the default's source is %q", list[1].Source)
	}
}

func TestGetNamesTheKnownWorkshops(t *testing.T) {
	_, err := Load(t.TempDir()).Get("nope")
	if err == nil || !strings.Contains(err.Error(), Default) || !strings.Contains(err.Error(), SelfAssessment) {
		t.Fatalf("want an error naming the known workshops, got %v", err)
	}
}

// Making the catalog reads nothing: the program starts without parsing a
// template, and reads them all, once, when a screen first asks.
func TestTemplatesAreReadWhenFirstAsked(t *testing.T) {
	dir := t.TempDir()
	if n := testing.AllocsPerRun(10, func() { Load(dir) }); n > 1 {
		t.Errorf("Load made %.0f allocations: it parses templates before anyone asks", n)
	}
	c := Load(dir)
	// A template the user adds before the first question is in the list.
	writeTemplate(t, dir, "ours.toml", strings.Replace(readFixture(t), `name = "mini"`, `name = "ours"`, 1))
	if _, err := c.Get("ours"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(Default); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(10, func() { c.List() }); n > 1 {
		t.Errorf("List made %.0f allocations after the first: it parses the templates again", n)
	}
}
