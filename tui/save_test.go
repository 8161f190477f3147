package tui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// TestSavedScenarioLoads writes every preset, with an input changed, and
// loads it back: the loader accepts it, keeps everything the file said
// and computes the same results.
func TestSavedScenarioLoads(t *testing.T) {
	for _, s := range presets(t) {
		t.Run(s.Name, func(t *testing.T) {
			in := s.Inputs[0]
			settings := scenarios.Settings{}
			if err := s.SetOne(settings, in.Name, "3"); err != nil {
				t.Fatal(err)
			}
			r, err := s.Evaluate(settings, calc.FormatOptions{})
			if err != nil {
				t.Fatal(err)
			}
			data, err := s.Encode(changedSettings(r), "my-"+s.Name)
			if err != nil {
				t.Fatal(err)
			}
			back, err := scenarios.Load("my-"+s.Name+".yaml", data)
			if err != nil {
				t.Fatalf("the saved file does not load: %v\n%s", err, data)
			}
			if back.Name != "my-"+s.Name || back.Title != s.Title || len(back.Questions) != len(s.Questions) ||
				(back.Latency == nil) != (s.Latency == nil) || (back.Availability == nil) != (s.Availability == nil) {
				t.Fatalf("the saved file lost something:\n%s", data)
			}
			if got, _ := back.Input(in.Name); got.Default.Text != settings[in.Name].Text {
				t.Fatalf("%s was saved as %q, want %q", in.Name, got.Default.Text, settings[in.Name].Text)
			}
			again, err := back.Evaluate(nil, calc.FormatOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range r.Outputs {
				if again.Outputs[i].Base != o.Base {
					t.Fatalf("%s is %v after saving, was %v", o.Name, again.Outputs[i].Base, o.Base)
				}
			}
		})
	}
}

// TestSaveFlow saves from the session: ctrl+s offers NAME.yaml, enter
// writes it in a command, a second save asks before overwriting, n keeps
// the file and y replaces it.
func TestSaveFlow(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "ctrl+u")...)
	send(m, typed("40M")...)
	send(m, keys("enter")...)
	path := filepath.Join(m.opts.Dir, "web-app.yaml")

	cmd := pressAll(m, "ctrl+s", "enter")
	deliver(m, cmd)
	requireContains(t, plainView(m), "wrote the scenario to "+path)
	s, err := scenarios.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if dau, _ := s.Input("dau"); dau.Default.Text != "40M" {
		t.Fatalf("dau saved as %q, want 40M", dau.Default.Text)
	}

	send(m, keys("R")...) // every input back to its default
	deliver(m, pressAll(m, "ctrl+s", "enter"))
	if m.prompt.kind != promptOverwrite {
		t.Fatal("saving over a file did not ask first")
	}
	requireContains(t, plainView(m), "web-app.yaml exists. Overwrite it?")
	if cmd := pressAll(m, "n"); cmd != nil {
		t.Fatal("n wrote the file")
	}
	if s, _ = scenarios.LoadFile(path); mustInput(t, s, "dau") != "40M" {
		t.Fatal("n changed the file")
	}

	deliver(m, pressAll(m, "ctrl+s", "enter"))
	deliver(m, pressAll(m, "y"))
	if s, _ = scenarios.LoadFile(path); mustInput(t, s, "dau") != "1M" {
		t.Fatal("y did not replace the file")
	}
	requireNoTemporaryFiles(t, m.opts.Dir)
}

// TestExportFlow exports the results as Markdown.
func TestExportFlow(t *testing.T) {
	m := newTestModel(t, 80, 24)
	deliver(m, pressAll(m, "e", "enter"))
	data, err := os.ReadFile(filepath.Join(m.opts.Dir, "web-app.md"))
	if err != nil {
		t.Fatal(err)
	}
	requireContains(t, string(data), "web-app", "qps", "231 /s", "dau × requests_per_user")
	requireNoTemporaryFiles(t, m.opts.Dir)
}

// TestSaveToAMissingDirectory reports the error on the status line.
func TestSaveToAMissingDirectory(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("ctrl+s", "ctrl+u")...)
	send(m, typed(filepath.Join(m.opts.Dir, "nowhere", "x.yaml"))...)
	deliver(m, pressAll(m, "enter"))
	if !m.notice.isErr || !strings.Contains(m.notice.text, "could not write") {
		t.Fatalf("the notice is %+v, want an error", m.notice)
	}
	// It names the file asked for and what went wrong, not the temporary
	// file the write went through.
	if !strings.HasSuffix(m.notice.text, "x.yaml: no such file or directory") || strings.Contains(m.notice.text, ".tmp-") {
		t.Errorf("the notice is %q", m.notice.text)
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := writeAtomic(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, []byte("two"), false); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("writing over a file without overwrite gave %v, want fs.ErrExist", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "one" {
		t.Fatalf("the file holds %q after a refused write", data)
	}
	if err := writeAtomic(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "three" {
		t.Fatalf("the file holds %q after an overwrite", data)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Fatalf("the file's mode is %v, want 0644", info.Mode().Perm())
	}
	requireNoTemporaryFiles(t, dir)
}

func TestSavedName(t *testing.T) {
	for path, want := range map[string]string{
		"web-app.yaml": "web-app", "dir/my-app.yml": "my-app", "My App.yaml": "fallback", "x/.yaml": "fallback",
	} {
		if got := savedName(path, "fallback"); got != want {
			t.Errorf("savedName(%q) = %q, want %q", path, got, want)
		}
	}
}

// pressAll presses keys and returns the last command.
func pressAll(m *Model, names ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, n := range names {
		_, cmd = m.Update(press(n))
	}
	return cmd
}

// deliver runs a command, as the program would, and hands its message
// back to the model.
func deliver(m *Model, cmd tea.Cmd) {
	if cmd != nil {
		m.Update(cmd())
	}
}

func mustInput(tb testing.TB, s *scenarios.Scenario, name string) string {
	tb.Helper()
	if s == nil {
		tb.Fatal("no scenario")
	}
	in, ok := s.Input(name)
	if !ok {
		tb.Fatalf("no input %s", name)
	}
	return in.Default.Text
}

func requireNoTemporaryFiles(tb testing.TB, dir string) {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			tb.Fatalf("a temporary file is left: %s", e.Name())
		}
	}
}

// TestShellWord: the hint after a save is a command a person can paste, so
// a path with a space or a quote is quoted for the shell.
func TestShellWord(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"web-app.yaml", "web-app.yaml"},
		{"/tmp/my scenarios/web-app.yaml", "'/tmp/my scenarios/web-app.yaml'"},
		{"it's.yaml", `'it'\''s.yaml'`},
	} {
		if got := shellWord(c.path); got != c.want {
			t.Errorf("shellWord(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}
