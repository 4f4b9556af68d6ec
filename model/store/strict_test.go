package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestTablesAreDefinedOnce holds the loader to TOML's rules on which table
// a key belongs to, where the TOML library alone lets some files through.
// What each file should give was checked with Python's tomllib.
func TestTablesAreDefinedOnce(t *testing.T) {
	refused := []struct {
		doc  string
		line int
		msg  string
	}{
		{"schema_version = 1\nmeta.title = \"a\"\n[meta]\n", 3, "dotted keys on line 2 already defined"},
		{"[a.b.c]\nz = 9\n[a]\nb.c.t = \"x\"\n", 4, "the header on line 1"},
		{"[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n", 3, "dotted keys on line 2"},
		{"[product]\ntype = { name = \"Nail\" }\ntype.edible = false\n", 3, "line 2 sets to a value"},
		{"a = {}\n[a.b]\n", 2, "line 1 sets to a value"},
		{"[[tab.arr]]\n[tab]\narr.val1 = 1\n", 3, "array of tables"},
		{"a.b.c = 1\na.b = 2\n", 2, "set twice"},
		{"t = { fruit = { apple.color = \"red\" }, fruit.apple.texture = { smooth = true } }\n", 1, "sets to a value"},
		{"[a.b.c]\nz = 1\n[a]\nb.d = 2\n[a.b]\n", 5, "already been defined"},
		{"a = [{b = 1}, {b = 2, b = 3}]\n", 1, "already been defined"},
		{"d = 1985-06-18 17:04:07+12:60\n", 1, "no time zone"},
	}
	for _, tt := range refused {
		_, _, err := Decode([]byte(tt.doc))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
			t.Errorf("%q gives %v, want a refusal on line %d saying %q", tt.doc, err, tt.line, tt.msg)
		}
	}
	for _, doc := range []string{
		"[a.b.c]\nz = 1\n[a]\nb.d = 2\n",
		"[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
		"a.b.c = 1\n[a.b.d]\ne = 1\n",
		"[[a]]\nb.c = 1\n[[a]]\nb.c = 2\n",
		"[[a.b]]\n[a]\nc = 1\n",
		"[a.b.c]\n[a]\nb.d = 1\n[x]\n[a.b.e]\n",
		"a = {b.c = 1, b.d = 2}\n",
		"x = [[1], {y = 1}]\nd = 1985-06-18 17:04:07+12:59\n",
	} {
		if _, _, err := Decode([]byte(doc)); err != nil {
			t.Errorf("%q is TOML, but the loader refuses it: %v", doc, err)
		}
	}
}

// TestKeysInOtherLetterCaseAreUnknown: "Title" is not "title", whichever
// comes first; it is reported, and the session holds the exact key's value.
func TestKeysInOtherLetterCaseAreUnknown(t *testing.T) {
	for _, doc := range []string{
		"schema_version = 1\n[meta]\ntitle = \"Roles\"\nTitle = \"Other\"\n",
		"schema_version = 1\n[meta]\nTitle = \"Other\"\ntitle = \"Roles\"\n",
		"schema_version = 1\n[Meta]\ntitle = \"Other\"\n[meta]\ntitle = \"Roles\"\n",
		"schema_version = 1\n[meta]\ntitle = \"Roles\"\nTitle = 42\n",
	} {
		for range 5 {
			sess, rep, err := Decode([]byte(doc))
			if err != nil {
				t.Fatalf("%q: %v", doc, err)
			}
			if sess.Meta.Title != "Roles" || len(rep.Unknown) != 1 || !strings.EqualFold(rep.Unknown[0], "meta.title") && rep.Unknown[0] != "Meta" {
				t.Fatalf("%q reads as title %q, unknown %v; want \"Roles\" and the other spelling reported", doc, sess.Meta.Title, rep.Unknown)
			}
		}
	}
	sess, rep, err := Decode([]byte("schema_version = 1\n[[risks]]\nTitle = \"x\"\n[[risks]]\ntitle = \"y\"\n"))
	if err != nil || sess.Risks[0].Title != "" || sess.Risks[1].Title != "y" || !slices.Equal(rep.Unknown, []string{"risks.Title"}) {
		t.Errorf("a folded key in an array of tables gives %+v, %v, %v", sess.Risks, rep.Unknown, err)
	}
}

func TestTimesOutsideTheYearsAFileHoldsAreRefusedOnLoad(t *testing.T) {
	for _, doc := range []string{
		"schema_version = 1\n[meta]\ncreated = 0000-01-01T00:00:00+01:00\n",
		"schema_version = 1\n[meta]\ntitle = \"x\"\nupdated = 9999-12-31T23:30:00-01:00\n",
	} {
		_, _, err := Decode([]byte(doc))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != strings.Count(doc, "\n") || !strings.Contains(pe.Msg, "outside the years 0000 to 9999") {
			t.Errorf("%q gives %v, want a refusal on its last line", doc, err)
		}
	}
	sess, _, err := Decode([]byte("schema_version = 1\n[meta]\ncreated = 0000-01-01T00:00:00Z\nupdated = 9999-12-31T23:59:59Z\n"))
	if err != nil || sess.Meta.Created.Year() != 0 || sess.Meta.Updated.Year() != 9999 {
		t.Errorf("the first and last moments a file holds give %v, %v", sess, err)
	}
}
