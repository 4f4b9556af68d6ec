package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

func TestSaveNeverWritesWhatCannotBeRead(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("checked-aaaa", "Checked", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)))
	h, err := s.Open("checked-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	before, _ := os.ReadFile(path)
	unchanged := func(what string) {
		t.Helper()
		if now, _ := os.ReadFile(path); string(now) != string(before) {
			t.Errorf("%s: the file on disk changed", what)
		}
		if temps, _ := filepath.Glob(filepath.Join(s.SessionsDir(), ".*")); len(temps) > 0 {
			t.Errorf("%s: temporary files left: %v", what, temps)
		}
	}

	year0 := time.Date(0, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3600))
	for _, when := range []time.Time{year0, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		sess := h.Session.Clone()
		sess.Meta.Created = when
		err := h.Save(sess)
		if err == nil || !strings.Contains(err.Error(), "meta.created") || !strings.Contains(err.Error(), "0000 to 9999") {
			t.Errorf("saving a session created %v gives %v, want a refusal naming meta.created", when, err)
		}
		unchanged(fmt.Sprint(when))
	}

	sess := h.Session.Clone()
	sess.RACI.Activities = []model.Activity{{Name: "Post", Cells: map[string]model.Letter{"r\xff": "A", "r\xfe": "R"}}}
	if err := h.Save(sess); err == nil || !strings.Contains(err.Error(), "differ only in bytes that are not text") {
		t.Errorf("two keys that differ only in invalid bytes give %v, want a refusal", err)
	}
	unchanged("keys that differ in invalid bytes")

	// An encoder that loses a field is caught before the rename.
	encode = func(sess *model.Session) ([]byte, error) {
		data, err := Encode(sess)
		return []byte(strings.Replace(string(data), `title = "Checked, changed"`, `title = "Checked"`, 1)), err
	}
	defer func() { encode = Encode }()
	sess = h.Session.Clone()
	sess.Meta.Title = "Checked, changed"
	err = h.Save(sess)
	if !errors.Is(err, ErrNotReadBack) || !strings.Contains(err.Error(), "meta.title") || !strings.Contains(err.Error(), "unchanged") {
		t.Errorf("a file that reads back otherwise gives %v, want ErrNotReadBack naming meta.title", err)
	}
	unchanged("a file that reads back otherwise")
}

// TestOffsetsWithSecondsComeBack: TOML offsets have no seconds, so a time
// in a zone with them is written in UTC, as the same instant.
func TestOffsetsWithSecondsComeBack(t *testing.T) {
	amsterdam1930 := time.FixedZone("AMT", 20*60+28)
	sess := session("lmt-aaaa", "LMT", time.Date(1930, 5, 1, 12, 0, 0, 0, amsterdam1930))
	data, err := Encode(sess)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Meta.Created.Equal(sess.Meta.Created) || !reflect.DeepEqual(got.Meta.Created, sess.Meta.Created.UTC()) {
		t.Errorf("created %v came back as %v", sess.Meta.Created, got.Meta.Created)
	}
	if err := readsBack(sess, data); err != nil {
		t.Errorf("the check before a save refuses it: %v", err)
	}
}
