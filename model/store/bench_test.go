package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roundtable/roundtable/model/modeltest"
)

// The design's budget: loading or saving a session with 1,000 risks and 200
// RACI activities takes under 20 ms.

func BenchmarkEncode(b *testing.B) {
	sess := modeltest.Large()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Encode(sess); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	data, err := Encode(modeltest.Large())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	s := New(b.TempDir())
	path, err := s.Create(modeltest.Large())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSave(b *testing.B) {
	s := New(b.TempDir())
	sess := modeltest.Large()
	if _, err := s.Create(sess); err != nil {
		b.Fatal(err)
	}
	h, err := s.Open(sess.ID, false)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	b.ReportAllocs()
	for b.Loop() {
		if err := h.Save(sess); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if temps, _ := filepath.Glob(filepath.Join(s.SessionsDir(), ".*")); len(temps) != 0 {
		b.Errorf("saves left temporary files: %v", temps)
	}
	if _, err := os.Stat(h.Path + ".bak"); err != nil {
		b.Error(err)
	}
}
