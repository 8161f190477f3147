package tui

import (
	"fmt"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/scenarios"
)

// promptKind is a question the status line asks.
type promptKind int

const (
	promptNone      promptKind = iota
	promptPath                 // where to write a file
	promptOverwrite            // whether to replace a file that is there
)

// prompt asks where to save or export, and whether to overwrite. It only
// decides what to write; a command writes it.
type prompt struct {
	kind  promptKind
	what  string // "scenario" or "results"
	field field
	path  string
	data  []byte
}

// active reports whether the prompt is asking something.
func (p *prompt) active() bool { return p.kind != promptNone }

// fileKinds say, for each thing the session writes, how to name the file
// and what to put in it.
var fileKinds = map[string]struct {
	label, ext string
	contents   func(r *scenarios.Result, path string, opts Options) ([]byte, error)
}{
	"scenario": {"Save the scenario as", ".yaml", func(r *scenarios.Result, path string, _ Options) ([]byte, error) {
		return r.Scenario.Encode(changedSettings(r), savedName(path, r.Scenario.Name))
	}},
	"results": {"Export the results to", ".md", func(r *scenarios.Result, _ string, opts Options) ([]byte, error) {
		if opts.Export == nil {
			return nil, fmt.Errorf("this session cannot export results")
		}
		return opts.Export(r, opts.Format)
	}},
}

// ask starts asking where to write what, offering dir/NAME.ext.
func (p *prompt) ask(what, name, dir string, st *styles) {
	*p = prompt{kind: promptPath, what: what, field: newField(st)}
	p.field.start(filepath.Join(dir, name+fileKinds[what].ext))
}

// setWidth gives the field the width of the status line left by the label.
func (p *prompt) setWidth(w int) {
	if p.kind == promptPath {
		p.field.setWidth(w - ansi.StringWidth(p.label()))
	}
}

// label is what the prompt asks.
func (p *prompt) label() string { return fileKinds[p.what].label + ": " }

// handleKey answers the prompt. It returns the command that writes the
// file once the user has said where.
func (p *prompt) handleKey(msg tea.KeyPressMsg, k *keyMap, r *scenarios.Result, opts Options, n *notice) tea.Cmd {
	if p.kind == promptOverwrite {
		return p.confirmKey(msg, k, n)
	}
	switch {
	case key.Matches(msg, k.Cancel):
		*p = prompt{}
		n.say("nothing written")
	case key.Matches(msg, k.Commit):
		return p.write(r, opts, n)
	default:
		_, cmd := p.field.update(msg, k.Clear)
		return cmd
	}
	return nil
}

// write makes the file's contents and returns the command that writes it.
func (p *prompt) write(r *scenarios.Result, opts Options, n *notice) tea.Cmd {
	path := p.field.value()
	if path == "" {
		n.fail(fmt.Errorf("type a file name, or press esc"))
		return nil
	}
	data, err := fileKinds[p.what].contents(r, path, opts)
	if err != nil {
		n.fail(err)
		return nil
	}
	what := p.what
	*p = prompt{}
	n.say("writing " + path + "…")
	return writeFileCmd(path, what, data, false)
}

// confirmKey answers whether to overwrite.
func (p *prompt) confirmKey(msg tea.KeyPressMsg, k *keyMap, n *notice) tea.Cmd {
	switch {
	case key.Matches(msg, k.Yes):
		path, what, data := p.path, p.what, p.data
		*p = prompt{}
		return writeFileCmd(path, what, data, true)
	case key.Matches(msg, k.No):
		*p = prompt{}
		n.say("nothing written")
	}
	return nil
}

// confirm asks whether to overwrite a file that is there.
func (p *prompt) confirm(msg fileExistsMsg) {
	*p = prompt{kind: promptOverwrite, what: msg.what, path: msg.path, data: msg.data}
}

// view draws the prompt on the status line.
func (p *prompt) view(st *styles) string {
	if p.kind == promptOverwrite {
		return st.prompt.Render(p.path+" exists. Overwrite it?") + " " + st.muted.Render("y/n")
	}
	return st.prompt.Render(p.label()) + p.field.view()
}
