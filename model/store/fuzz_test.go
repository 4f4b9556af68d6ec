package store

import (
	"reflect"
	"testing"

	"github.com/roundtable/roundtable/model"
)

// FuzzDecode feeds the loader arbitrary bytes: it must never panic or hang,
// and whatever it accepts must survive a save and a load unchanged.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		// Whatever the fast decoder accepts, the library reads the same.
		var fast model.Session
		if _, err := decodeFast(data, reflect.ValueOf(&fast).Elem()); err == nil {
			normalise(&fast)
			lib, md, err := decodeWithLibrary(data)
			if err != nil {
				t.Fatalf("the fast decoder accepted what the library refuses: %v", err)
			}
			if len(md.Undecoded()) > 0 {
				t.Fatalf("the fast decoder accepted unknown keys %v", md.Undecoded())
			}
			if err := checkStrict(data); err != nil {
				t.Fatalf("the fast decoder accepted what TOML forbids: %v", err)
			}
			if !reflect.DeepEqual(&fast, lib) {
				t.Fatalf("fast decoder and library disagree:\n%s", firstDifference(lib, &fast))
			}
		}

		sess, _, err := Decode(data)
		if err != nil {
			return
		}
		out, err := Encode(sess)
		if err != nil {
			t.Fatalf("a decoded session does not encode: %v", err)
		}
		again, rep, err := Decode(out)
		if err != nil {
			t.Fatalf("an encoded session does not decode: %v\n%s", err, out)
		}
		if len(rep.Unknown) > 0 || rep.Migrated {
			t.Fatalf("an encoded session reports %+v", rep)
		}
		if !reflect.DeepEqual(sess, again) {
			t.Fatalf("the session changed across a save:\n%s", firstDifference(sess, again))
		}
	})
}

// FuzzText checks that any text a person can type comes back from the file
// byte for byte, as free text, as a one-line field and as a map key.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "a\nb", `"""`, "x\"", "\\", "\r\n", "\x00\x7f", "😀\u202e", "\n\"\"\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = model.Clean(s)
		want := &model.Session{SchemaVersion: model.SchemaVersion, ID: s}
		want.Meta.Title = s
		want.Risks = []model.Risk{{Mitigation: model.Text(s), Notes: model.Text(s + "\n" + s)}}
		want.RACI.Activities = []model.Activity{{Cells: map[string]model.Letter{s: model.Letter(s)}}}
		data, err := Encode(want)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := Decode(data)
		if err != nil {
			t.Fatalf("%q: %v\n%s", s, err, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q changed on the way through the file:\n%s", s, firstDifference(want, got))
		}
		var fast model.Session
		if _, err := decodeFast(data, reflect.ValueOf(&fast).Elem()); err != nil {
			t.Fatalf("%q: the fast decoder refused a file Roundtable wrote", s)
		}
	})
}
