package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/store"
)

// autosaveDelay is how long the program waits after the last change before
// it saves (ui.autosaveDelay); kills are aimed around it.
const autosaveDelay = 300 * time.Millisecond

// killRounds is how many times TestKillDuringSave kills the program: 20 in
// a plain go test, which keeps the suite quick; CI sets
// ROUNDTABLE_KILL_ROUNDS=200 (.ci/run), and a longer local run sets more.
func killRounds(t *testing.T) int {
	t.Helper()
	v := os.Getenv("ROUNDTABLE_KILL_ROUNDS")
	if v == "" {
		return 20
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("ROUNDTABLE_KILL_ROUNDS=%q: want a number of rounds above 0", v)
	}
	return n
}

// killSeed is the seed of the kills' keys and moments: ROUNDTABLE_KILL_SEED
// replays a run the test printed, else it is new each time.
func killSeed(t *testing.T) uint64 {
	t.Helper()
	v := os.Getenv("ROUNDTABLE_KILL_SEED")
	if v == "" {
		return uint64(time.Now().UnixNano())
	}
	seed, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		t.Fatalf("ROUNDTABLE_KILL_SEED=%q: want the seed a run printed", v)
	}
	return seed
}

// killStats counts where the kills landed.
type killStats struct {
	mu sync.Mutex
	// rounds is every kill; midSave the kills that left a temporary file,
	// so the program died between starting and finishing a write.
	rounds, midSave int
	// Which version the file held after the kill.
	before, after int
}

func (k *killStats) add(midSave, after bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.rounds++
	if midSave {
		k.midSave++
	}
	if after {
		k.after++
	} else {
		k.before++
	}
}

// TestKillDuringSave edits the benchmark-sized session in the real program
// and kills it with SIGKILL at random moments around the autosave, again
// and again. Every time the session file must parse, with Roundtable's
// decoder and with BurntSushi's, and be exactly the session before the edit
// or after it; the backup must parse; and the next start must take over the
// lock the killed program left.
func TestKillDuringSave(t *testing.T) {
	total := killRounds(t)
	// Independent data folders in parallel keep 200 rounds within a minute
	// on two cores. Each folder draws from its own stream of the seed, so a
	// replay repeats every folder's keys and moments.
	const workers = 4
	seed := killSeed(t)
	// Printed at the start, so a run that fails or hangs can be replayed.
	t.Logf("seed %d: replay with ROUNDTABLE_KILL_SEED=%d ROUNDTABLE_KILL_ROUNDS=%d", seed, seed, total)
	var stats killStats
	// Goroutines rather than t.Parallel: -parallel defaults to the number
	// of cores, and the rounds mostly wait.
	var wg sync.WaitGroup
	for w := range workers {
		n := total / workers
		if w < total%workers {
			n++
		}
		wg.Go(func() {
			t.Run(fmt.Sprintf("folder-%d", w), func(t *testing.T) {
				killLoop(t, n, rand.New(rand.NewPCG(seed, uint64(w))), &stats)
			})
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	t.Logf("%d kills: %d during a write (a temporary file was left), %d left the version before the edit, %d the version after",
		stats.rounds, stats.midSave, stats.before, stats.after)
	// A test whose kills all missed the save proves nothing; a plain go
	// test's 20 rounds are too few to tell.
	if stats.rounds < 40 {
		return
	}
	if stats.midSave*8 < stats.rounds {
		t.Errorf("only %d of %d kills landed while a file was being written; the kills are aimed wrong", stats.midSave, stats.rounds)
	}
	if stats.before == 0 || stats.after == 0 {
		t.Errorf("the kills always left the same version (%d before, %d after): they do not span the save", stats.before, stats.after)
	}
}

// letters are the RACI keys and the letter each one leaves in a cell.
var letters = []struct {
	key    string
	letter model.Letter
}{{"r", model.Responsible}, {"a", model.Accountable}, {"c", model.Consulted}, {"i", model.Informed}, {"x", ""}}

func killLoop(t *testing.T, rounds int, rng *rand.Rand, stats *killStats) {
	home := t.TempDir()
	env := testEnv(t, home)
	st := store.New(filepath.Join(home, "data", "roundtable"))
	sess := modeltest.Large()
	step := -1
	for i, s := range sess.Workshop.Steps {
		if s.Kind == model.StepRACI {
			step = i
		}
	}
	if step < 0 {
		t.Fatal("the benchmark session has no RACI step")
	}
	sess.Step = step
	path, err := st.Create(sess)
	if err != nil {
		t.Fatal(err)
	}
	stepShown := fmt.Sprintf("Step %d of", step+1)
	for round := range rounds {
		before := parseSession(t, path, "before round "+strconv.Itoa(round))
		role := before.RACI.Roles[0].ID
		cur := before.RACI.Activities[0].Cells[role]
		choice := letters[rng.IntN(len(letters))]
		for choice.letter == cur {
			choice = letters[rng.IntN(len(letters))]
		}
		// The grid opens on the first activity and the first role.
		after := before.Clone()
		after.RACI.Set(0, role, choice.letter)

		s := startScreen(t, env, 80, 24, "open", sess.ID)
		s.waitFor(stepShown)
		seen := temps(t, path)
		old, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.pty.Write([]byte(choice.key)); err != nil {
			t.Fatal(err)
		}
		pressed := time.Now()
		if rng.IntN(4) > 0 {
			// Wait for the save to start writing, then kill somewhere in
			// the millisecond or so that the write, sync and renames take.
			// A save too quick for the polling has replaced the file.
			time.Sleep(autosaveDelay - 50*time.Millisecond)
			for !newTemp(t, path, seen) && !replaced(path, old) {
				if time.Since(pressed) > 5*time.Second {
					t.Fatalf("round %d: no save started within 5 s of the edit (key %q); the screen shows:\n%s", round, choice.key, s.text())
				}
				time.Sleep(50 * time.Microsecond)
			}
			time.Sleep(time.Duration(rng.Int64N(int64(1500 * time.Microsecond))))
		} else {
			// Anywhere from just before the autosave until well after the
			// encoding and the write are done.
			time.Sleep(autosaveDelay - 20*time.Millisecond + time.Duration(rng.Int64N(int64(60*time.Millisecond))) - time.Since(pressed))
		}
		if err := s.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = s.cmd.Wait()
		s.pty.Close()
		midSave := newTemp(t, path, seen)

		what := fmt.Sprintf("after kill %d (key %q, %s after the key, a write under way: %v)", round, choice.key, time.Since(pressed).Round(time.Millisecond), midSave)
		got := parseSession(t, path, what)
		isAfter := false
		switch {
		case sameSession(got, before):
		case sameSession(got, after):
			isAfter = true
		default:
			t.Fatalf("%s the session file is neither the version before the edit nor the one after it: the cell holds %q (before %q, after %q)",
				what, got.RACI.Activities[0].Cells[role], cur, choice.letter)
		}
		if _, err := os.Stat(path + ".bak"); err == nil {
			bak := parseSession(t, path+".bak", what+" the backup:")
			if isAfter && !sameSession(bak, before) {
				t.Fatalf("%s the file holds the edit but its backup is not the version before it", what)
			}
		} else if isAfter {
			t.Fatalf("%s the file holds the edit but there is no backup: %v", what, err)
		}
		stats.add(midSave, isAfter)
	}
	// The killed program's lock is free: Roundtable itself can take it.
	h, err := st.Open(sess.ID, false)
	if err != nil {
		t.Fatalf("after the kills the session cannot be opened for editing: %v", err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
}

// parseSession reads a session file with Roundtable's decoder and checks
// that another TOML parser reads it too.
func parseSession(t *testing.T, path, what string) *model.Session {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s %v", what, err)
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s %s does not parse as TOML (%d bytes): %v", what, path, len(data), err)
	}
	sess, _, err := store.Decode(data)
	if err != nil {
		t.Fatalf("%s %s does not load (%d bytes): %v", what, path, len(data), err)
	}
	return sess
}

// sameSession compares two sessions except for the time of the last save,
// which the save itself sets.
func sameSession(a, b *model.Session) bool {
	x, y := *a, *b
	x.Meta.Updated, y.Meta.Updated = time.Time{}, time.Time{}
	return reflect.DeepEqual(&x, &y)
}

// temps lists the temporary files beside a session file, which a finished
// save never leaves.
func temps(t *testing.T, path string) map[string]bool {
	t.Helper()
	des, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	prefix := "." + filepath.Base(path) + ".tmp-"
	found := map[string]bool{}
	for _, de := range des {
		if strings.HasPrefix(de.Name(), prefix) {
			found[de.Name()] = true
		}
	}
	return found
}

// newTemp reports whether a temporary file not in seen is there now.
func newTemp(t *testing.T, path string, seen map[string]bool) bool {
	t.Helper()
	for name := range temps(t, path) {
		if !seen[name] {
			return true
		}
	}
	return false
}

// replaced reports whether path is no longer the file old describes: a
// save renamed a new file over it.
func replaced(path string, old os.FileInfo) bool {
	now, err := os.Stat(path)
	return err == nil && !os.SameFile(now, old)
}
