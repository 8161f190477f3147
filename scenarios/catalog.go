package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed presets/*.yaml
var presetFS embed.FS

// Origin says where a scenario comes from.
type Origin int

// Origins, from the lowest precedence to the highest: a user file overrides
// a preset of the same name, and a --file overrides both.
const (
	FromPreset  Origin = iota // embedded in the binary
	FromUserDir               // $XDG_CONFIG_HOME/estimate/scenarios/NAME.yaml
	FromFlag                  // --file PATH
)

var originNames = map[Origin]string{FromPreset: "preset", FromUserDir: "user", FromFlag: "file"}

func (o Origin) String() string { return originNames[o] }

// Entry is a scenario the catalog knows by name, loaded or not.
type Entry struct {
	Name      string
	Origin    Origin
	Path      string // "presets/NAME.yaml" for a preset
	Overrides bool   // a user scenario that takes the place of a preset
}

// Catalog knows every scenario by name but parses only those asked for, so
// that running one preset does not read the others.
type Catalog struct {
	entries []Entry
	byName  map[string]int
	loaded  map[string]*Scenario
}

// Options says where to look for scenarios besides the presets.
type Options struct {
	Files   []string // --file paths, loaded at once (their names are inside)
	UserDir string   // "" for DefaultUserDir(); "-" for none
}

// DefaultUserDir is $XDG_CONFIG_HOME/estimate/scenarios, or
// ~/.config/estimate/scenarios when XDG_CONFIG_HOME is unset.
func DefaultUserDir() string {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "estimate", "scenarios")
}

// Open lists the presets and the user's scenarios (by file name, unread)
// and loads the --file scenarios.
func Open(opts Options) (*Catalog, error) {
	c := &Catalog{byName: map[string]int{}, loaded: map[string]*Scenario{}}
	presets, err := fs.Glob(presetFS, "presets/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, p := range presets {
		c.add(Entry{Name: strings.TrimSuffix(filepath.Base(p), ".yaml"), Origin: FromPreset, Path: p})
	}
	dir := opts.UserDir
	if dir == "" {
		dir = DefaultUserDir()
	}
	if dir != "" && dir != "-" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml")) // a missing directory has no scenarios
		for _, p := range files {
			c.add(Entry{Name: strings.TrimSuffix(filepath.Base(p), ".yaml"), Origin: FromUserDir, Path: p})
		}
	}
	var problems []error
	for _, p := range opts.Files {
		s, err := LoadFile(p)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		c.add(Entry{Name: s.Name, Origin: FromFlag, Path: p})
		c.loaded[s.Name] = s
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return c, nil
}

// add records an entry; a later origin takes the place of an earlier one.
func (c *Catalog) add(e Entry) {
	if i, ok := c.byName[e.Name]; ok {
		prev := c.entries[i]
		e.Overrides = prev.Origin == FromPreset || prev.Overrides
		c.entries[i] = e
		delete(c.loaded, e.Name)
		return
	}
	c.byName[e.Name] = len(c.entries)
	c.entries = append(c.entries, e)
}

// Entries lists every known scenario, unread.
func (c *Catalog) Entries() []Entry { return append([]Entry(nil), c.entries...) }

// Names lists every known scenario's name.
func (c *Catalog) Names() []string {
	names := make([]string, len(c.entries))
	for i, e := range c.entries {
		names[i] = e.Name
	}
	return names
}

// Flagged lists the scenarios given with --file, in the order given.
func (c *Catalog) Flagged() []string {
	var names []string
	for _, e := range c.entries {
		if e.Origin == FromFlag {
			names = append(names, e.Name)
		}
	}
	return names
}

// Entry finds a scenario's entry by name.
func (c *Catalog) Entry(name string) (Entry, bool) {
	i, ok := c.byName[name]
	if !ok {
		return Entry{}, false
	}
	return c.entries[i], true
}

// UnknownScenarioError is a name no scenario has.
type UnknownScenarioError struct {
	Name  string
	Known []string
}

func (e *UnknownScenarioError) Error() string {
	msg := fmt.Sprintf("no scenario named %q", e.Name)
	if hint := suggestNames(e.Name, e.Known); hint != "" {
		return msg + "; " + hint
	}
	return msg + "; see estimate list"
}

// Load reads, checks and returns the named scenario.
func (c *Catalog) Load(name string) (*Scenario, error) {
	if s, ok := c.loaded[name]; ok {
		return s, nil
	}
	e, ok := c.Entry(name)
	if !ok {
		return nil, &UnknownScenarioError{Name: name, Known: c.Names()}
	}
	var s *Scenario
	var err error
	if e.Origin == FromPreset {
		data, rerr := presetFS.ReadFile(e.Path)
		if rerr != nil {
			return nil, rerr
		}
		s, err = Load(e.Path, data)
		if err == nil {
			s.embedded = true
		}
	} else {
		s, err = LoadFile(e.Path)
	}
	if err != nil {
		return nil, err
	}
	if e.Origin != FromFlag && s.Name != e.Name {
		return nil, &LoadError{Problems: []Problem{{File: e.Path, Line: 1, Col: 1,
			Msg:  fmt.Sprintf("the file is named %s.yaml but the scenario inside is %q", e.Name, s.Name),
			Hint: "rename the file or change its name: field; estimate finds scenarios by file name"}}}
	}
	c.loaded[name] = s
	return s, nil
}

// LoadAll loads every scenario: presets in chapter order, then the user's
// by name. It reports every file's problems, not only the first file's.
func (c *Catalog) LoadAll() ([]*Scenario, error) {
	var out []*Scenario
	var errs []error
	for _, e := range c.entries {
		s, err := c.Load(e.Name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, _ := c.Entry(out[i].Name)
		oj, _ := c.Entry(out[j].Name)
		if (oi.Origin == FromPreset) != (oj.Origin == FromPreset) {
			return oi.Origin == FromPreset
		}
		if out[i].Chapter != out[j].Chapter {
			return out[i].Chapter < out[j].Chapter
		}
		return out[i].Name < out[j].Name
	})
	return out, errors.Join(errs...)
}

// LoadFile reads and checks a scenario file, refusing one over MaxFileSize
// before reading it.
func LoadFile(path string) (*Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		return nil, &LoadError{Problems: []Problem{tooLarge(path, info.Size())}}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return Load(path, data)
}

// Load checks a scenario file's bytes and builds the scenario, reporting
// every problem found with path:line:col.
func Load(path string, data []byte) (*Scenario, error) {
	root, problems := parseYAML(path, data)
	if root == nil {
		return nil, &LoadError{Problems: problems}
	}
	f, shape := decodeFile(path, root)
	problems = append(problems, shape...)
	s, err := Build(f)
	var le *LoadError
	if errors.As(err, &le) {
		problems = append(problems, le.Problems...)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool {
			if problems[i].Line != problems[j].Line {
				return problems[i].Line < problems[j].Line
			}
			return problems[i].Col < problems[j].Col
		})
		return nil, &LoadError{Problems: problems}
	}
	return s, nil
}

// Presets lists the embedded presets' names.
func Presets() []string {
	files, _ := fs.Glob(presetFS, "presets/*.yaml")
	names := make([]string, len(files))
	for i, p := range files {
		names[i] = strings.TrimSuffix(filepath.Base(p), ".yaml")
	}
	return names
}
