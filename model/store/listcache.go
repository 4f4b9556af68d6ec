package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// The home list shows each session's title, organisation, workshop, last
// change and progress, and reading them means decoding the whole file:
// about 1 ms for a workshop's session, 10 ms for the largest. The list keeps
// what it read in listCacheName, beside the sessions folder, keyed by each
// file's size and modification time, so a start decodes only the files that
// changed since. The cache is only ever a copy: deleting it costs one slower
// start, and a cache that cannot be read or written is ignored.
const listCacheName = "list-cache.json"

// listCacheFormat changes whenever what an entry holds, or how progress is
// counted, changes; a cache of another format is read as empty.
const listCacheFormat = 1

type listCache struct {
	Format   int                    `json:"format"`
	Sessions map[string]cachedEntry `json:"sessions"`
}

type cachedEntry struct {
	Size         int64     `json:"size"`
	ModTime      int64     `json:"mod_time_ns"`
	Title        string    `json:"title"`
	Organisation string    `json:"organisation"`
	Workshop     string    `json:"workshop"`
	Updated      time.Time `json:"updated"`
	Done         int       `json:"done"`
	Total        int       `json:"total"`
}

func (s *Store) listCachePath() string { return filepath.Join(s.root, listCacheName) }

func (s *Store) readListCache() map[string]cachedEntry {
	data, err := os.ReadFile(s.listCachePath())
	if err != nil {
		return nil
	}
	var c listCache
	if json.Unmarshal(data, &c) != nil || c.Format != listCacheFormat {
		return nil
	}
	return c.Sessions
}

// writeListCache replaces the cache whole (a temporary file renamed over
// it), so two programs listing at once leave one of their caches, never a
// mixture. It is not synced: a cache lost in a crash is only read again.
func (s *Store) writeListCache(sessions map[string]cachedEntry) {
	data, err := json.Marshal(listCache{Format: listCacheFormat, Sessions: sessions})
	if err != nil {
		return
	}
	f, err := os.CreateTemp(s.root, "."+listCacheName+tempMark+"*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.listCachePath())
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// entries reads the list entries of ids: from the cache when a file's size
// and modification time are those cached, else by decoding the file, the
// files to decode shared among the processor's cores. The cache is written
// back when it changed.
func (s *Store) entries(ids []string) []Entry {
	cached := s.readListCache()
	fresh := make(map[string]cachedEntry, len(ids))
	out := make([]Entry, len(ids))
	var misses []int
	stats := make([]os.FileInfo, len(ids))
	for i, id := range ids {
		path := s.path(id)
		// The file is looked at before it is read, so a change in between
		// leaves a cache entry that no longer matches: it is read again
		// next time, never shown stale.
		info, err := os.Stat(path)
		if err == nil {
			if c, ok := cached[id]; ok && c.Size == info.Size() && c.ModTime == info.ModTime().UnixNano() {
				fresh[id] = c
				out[i] = Entry{ID: id, Path: path, Title: c.Title, Organisation: c.Organisation,
					Workshop: c.Workshop, Updated: c.Updated, Done: c.Done, Total: c.Total}
				continue
			}
		}
		stats[i] = info
		misses = append(misses, i)
	}

	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(misses)) {
		wg.Go(func() {
			for i := range work {
				out[i] = s.entry(ids[i])
			}
		})
	}
	for _, i := range misses {
		work <- i
	}
	close(work)
	wg.Wait()

	changed := len(fresh) != len(cached)
	for _, i := range misses {
		e := out[i]
		if e.Err != nil || stats[i] == nil {
			// A broken file is read again each time: it is listed with its
			// error until someone fixes it.
			continue
		}
		changed = true
		fresh[e.ID] = cachedEntry{Size: stats[i].Size(), ModTime: stats[i].ModTime().UnixNano(),
			Title: e.Title, Organisation: e.Organisation, Workshop: e.Workshop,
			Updated: e.Updated, Done: e.Done, Total: e.Total}
	}
	if changed {
		s.writeListCache(fresh)
	}
	return out
}
