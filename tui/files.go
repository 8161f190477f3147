package tui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
)

// The session writes files (a saved scenario, exported results) only in
// commands, never in Update: Update decides what to write, a command writes
// it and reports back with one of these messages.

// fileWrittenMsg reports a file written.
type fileWrittenMsg struct{ path, what string }

// fileExistsMsg reports that a file was not written because one is already
// there; the session then asks before overwriting it.
type fileExistsMsg struct {
	path, what string
	data       []byte
}

// fileErrorMsg reports a file that could not be written.
type fileErrorMsg struct {
	path string
	err  error
}

// writeFileCmd writes data to path atomically, and only over an existing
// file when overwrite is set.
func writeFileCmd(path, what string, data []byte, overwrite bool) tea.Cmd {
	return func() tea.Msg {
		err := writeAtomic(path, data, overwrite)
		switch {
		case errors.Is(err, fs.ErrExist):
			return fileExistsMsg{path: path, what: what, data: data}
		case err != nil:
			// The temporary file's name means nothing to the user: say only
			// what went wrong ("no such file or directory").
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			var le *os.LinkError
			if errors.As(err, &le) {
				err = le.Err
			}
			return fileErrorMsg{path: path, err: err}
		}
		return fileWrittenMsg{path: path, what: what}
	}
}

// writeAtomic writes data to a temporary file in path's directory and then
// puts it in place in one step, so that a reader never sees half a file.
// Without overwrite it refuses, with fs.ErrExist, to replace a file that is
// there: a hard link puts the file in place only if the name is free.
func writeAtomic(path string, data []byte, overwrite bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if rmErr := os.Remove(tmp.Name()); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) && err == nil {
			err = rmErr
		}
	}()
	if err := fill(tmp, data); err != nil {
		return err
	}
	if overwrite {
		return os.Rename(tmp.Name(), path)
	}
	return linkNew(tmp.Name(), path)
}

// fill writes data to f, flushes it to disk and closes it, readable by all
// like any file the user makes.
func fill(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	return err
}

// linkNew puts tmp in place at path unless a file is already there. Where
// hard links are not supported it checks and renames instead, which leaves
// a moment in which another program could create the file.
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, statErr := os.Lstat(path); statErr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}
