package store

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// listTitles lists the store and returns each session's title, or its
// error, by id.
func listTitles(t *testing.T, s *Store) map[string]string {
	t.Helper()
	entries, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if e.Err != nil {
			got[e.ID] = "error: " + e.Err.Error()
			continue
		}
		got[e.ID] = fmt.Sprintf("%s %d/%d", e.Title, e.Done, e.Total)
	}
	return got
}

// TestListCacheFollowsEveryChange lists the store after each way a session
// file can change behind the list's back: the list always shows what the
// files hold, never what it showed before.
func TestListCacheFollowsEveryChange(t *testing.T) {
	s := newStore(t)
	when := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	one := mustCreate(t, s, session("one-aaaa", "First", when))
	mustCreate(t, s, session("two-bbbb", "Second", when.Add(time.Hour)))

	if got := listTitles(t, s); got["one-aaaa"] != "First 0/2" || got["two-bbbb"] != "Second 0/2" {
		t.Fatalf("first list: %v", got)
	}
	if _, err := os.Stat(s.listCachePath()); err != nil {
		t.Fatalf("the list kept no cache: %v", err)
	}

	// Saved by another program: the size and time change.
	h, err := s.Open("one-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	h.Session.Meta.Title = "First, renamed"
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if got := listTitles(t, s)["one-aaaa"]; got != "First, renamed 0/2" {
		t.Errorf("after a save elsewhere the list shows %q", got)
	}

	// Broken by hand: listed with its error, not as it was.
	if err := os.WriteFile(one, []byte("title = \"unterminated\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := listTitles(t, s)["one-aaaa"]; !strings.HasPrefix(got, "error: ") {
		t.Errorf("a broken file is listed as %q", got)
	}

	// Deleted: gone from the list and from the cache.
	if err := os.Remove(one); err != nil {
		t.Fatal(err)
	}
	got := listTitles(t, s)
	if _, ok := got["one-aaaa"]; ok || len(got) != 1 {
		t.Errorf("after deleting a file the list is %v", got)
	}
	if _, ok := s.readListCache()["one-aaaa"]; ok {
		t.Error("the cache still holds the deleted session")
	}
}

// TestListReadsUnchangedFilesFromTheCache shows the cache is used: an entry
// whose file has the cached size and time is not decoded again.
func TestListReadsUnchangedFilesFromTheCache(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("one-aaaa", "First", time.Now().UTC()))
	listTitles(t, s)

	cache := s.readListCache()
	c := cache["one-aaaa"]
	c.Title = "As cached"
	cache["one-aaaa"] = c
	s.writeListCache(cache)
	if got := listTitles(t, s)["one-aaaa"]; got != "As cached 0/2" {
		t.Errorf("an unchanged file was decoded again: %q", got)
	}
}

// TestListWithoutAUsableCache lists correctly when the cache is garbage, of
// another format, or cannot be written.
func TestListWithoutAUsableCache(t *testing.T) {
	for name, prepare := range map[string]func(t *testing.T, s *Store){
		"garbage": func(t *testing.T, s *Store) {
			os.WriteFile(s.listCachePath(), []byte("{\"format\": 1, \"sessions\": {\"one-aaaa\": 7"), 0o600)
		},
		"other format": func(t *testing.T, s *Store) {
			data, _ := json.Marshal(listCache{Format: listCacheFormat + 1, Sessions: map[string]cachedEntry{
				"one-aaaa": {Title: "Old format"},
			}})
			os.WriteFile(s.listCachePath(), data, 0o600)
		},
		"a folder in its place": func(t *testing.T, s *Store) {
			os.Mkdir(s.listCachePath(), 0o700)
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			mustCreate(t, s, session("one-aaaa", "First", time.Now().UTC()))
			prepare(t, s)
			for range 2 {
				if got := listTitles(t, s)["one-aaaa"]; got != "First 0/2" {
					t.Fatalf("listed as %q", got)
				}
			}
			des, _ := os.ReadDir(s.Root())
			for _, de := range des {
				if strings.Contains(de.Name(), tempMark) {
					t.Errorf("a temporary file is left behind: %s", de.Name())
				}
			}
		})
	}
}
