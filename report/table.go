package report

import (
	"encoding/csv"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
)

// Alignment is how the cells of a column line up.
type Alignment int

// Alignments: text to the left, numbers to the right.
const (
	AlignLeft Alignment = iota
	AlignRight
)

// Table is a table of text cells that every report writer builds and then
// writes as aligned text (WriteText), a Markdown pipe table (WriteMarkdown)
// or CSV (WriteCSV). Cells are already formatted; the table only lines them
// up. Rows may be shorter than Headers: missing cells are empty.
type Table struct {
	// Title is a line above the table; empty for none.
	Title string
	// Headers name the columns; nil writes no header row in text (Markdown
	// then writes an empty one, since its tables need a header).
	Headers []string
	// Align gives each column's alignment; columns beyond it align left.
	Align []Alignment
	// Rows are the cells, row by row.
	Rows [][]string
	// Footer lines go under the table, after a blank line: notes,
	// sources, conventions. An empty line is kept as a blank line; lines
	// starting with "- " are list items in Markdown.
	Footer []string
}

// gutter separates the columns of a text table.
const gutter = "  "

// columns is the number of columns: the longest of the header and the rows.
func (t Table) columns() int {
	n := len(t.Headers)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// align returns the alignment of column i.
func (t Table) align(i int) Alignment {
	if i < len(t.Align) {
		return t.Align[i]
	}
	return AlignLeft
}

// cell returns the cell of row r in column i, or "" if the row is short.
func cell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// widths measures each column in terminal cells (lipgloss.Width counts
// "µ" and "→" as one cell each, and wide runes as two), after applying
// conv to each cell.
func (t Table) widths(conv func(string) string) []int {
	w := make([]int, t.columns())
	for i := range w {
		w[i] = lipgloss.Width(conv(cell(t.Headers, i)))
		for _, r := range t.Rows {
			w[i] = max(w[i], lipgloss.Width(conv(cell(r, i))))
		}
	}
	return w
}

// WriteText writes the table as aligned columns separated by two spaces,
// with numbers right-aligned, the title above and the footer below. Styles
// colour the title, header, first column, right-aligned columns and footer;
// with plain styles the output is clean text with no escape sequences and
// no trailing spaces.
//
// The aligner is written here rather than taken from lipgloss/table because
// that package pads every cell, last column included, and draws a frame even
// when the border is hidden, which leaves trailing spaces and blank edges in
// piped output.
func (t Table) WriteText(w io.Writer, st Styles) error {
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(st.Title.Render(t.Title) + "\n\n")
	}
	widths := t.widths(identity)
	if len(t.Headers) > 0 {
		t.writeTextRow(&b, t.Headers, widths, func(int) lipgloss.Style { return st.Header })
	}
	for _, r := range t.Rows {
		t.writeTextRow(&b, r, widths, t.cellStyle(st))
	}
	if len(t.Footer) > 0 {
		b.WriteString("\n")
		for _, line := range t.Footer {
			b.WriteString(render(st.Muted, line) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cellStyle picks the style of a body cell by column: the first column is
// the row's name, right-aligned columns are values, others are plain.
func (t Table) cellStyle(st Styles) func(int) lipgloss.Style {
	return func(i int) lipgloss.Style {
		switch {
		case i == 0:
			return st.Name
		case t.align(i) == AlignRight:
			return st.Value
		}
		return lipgloss.NewStyle()
	}
}

// writeTextRow writes one row padded to the column widths. Padding stays
// outside the styled text, and the line is trimmed on the right.
func (t Table) writeTextRow(b *strings.Builder, r []string, widths []int, style func(int) lipgloss.Style) {
	var line strings.Builder
	for i, width := range widths {
		if i > 0 {
			line.WriteString(gutter)
		}
		text := cell(r, i)
		pad := strings.Repeat(" ", width-lipgloss.Width(text))
		styled := render(style(i), text)
		if t.align(i) == AlignRight {
			line.WriteString(pad + styled)
		} else {
			line.WriteString(styled + pad)
		}
	}
	b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
}

// render styles s, leaving empty text empty so that no escape sequence
// wraps nothing.
func render(st lipgloss.Style, s string) string {
	if s == "" {
		return ""
	}
	return st.Render(s)
}

func identity(s string) string { return s }

// escapeMarkdown makes a cell safe inside a pipe table: a "|" would end the
// cell and a newline the row.
func escapeMarkdown(s string) string {
	s = strings.ReplaceAll(s, `|`, `\|`)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// WriteMarkdown writes the table as a GitHub-flavoured Markdown pipe table,
// padded so that the source lines up too: the title in bold above it, a
// separator row marking right-aligned columns with "---:", and the footer
// below, one paragraph per line, with "- " lines kept together as a list.
func (t Table) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		b.WriteString("**" + escapeMarkdown(t.Title) + "**\n\n")
	}
	widths := t.widths(escapeMarkdown)
	for i := range widths {
		widths[i] = max(widths[i], 3) // the separator needs three dashes
	}
	t.writeMarkdownRow(&b, t.Headers, widths)
	t.writeMarkdownSeparator(&b, widths)
	for _, r := range t.Rows {
		t.writeMarkdownRow(&b, r, widths)
	}
	writeMarkdownFooter(&b, t.Footer)
	_, err := io.WriteString(w, b.String())
	return err
}

func (t Table) writeMarkdownRow(b *strings.Builder, r []string, widths []int) {
	cells := make([]string, len(widths))
	for i, width := range widths {
		text := escapeMarkdown(cell(r, i))
		pad := strings.Repeat(" ", width-lipgloss.Width(text))
		if t.align(i) == AlignRight {
			cells[i] = pad + text
		} else {
			cells[i] = text + pad
		}
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func (t Table) writeMarkdownSeparator(b *strings.Builder, widths []int) {
	cells := make([]string, len(widths))
	for i, width := range widths {
		if t.align(i) == AlignRight {
			cells[i] = strings.Repeat("-", width-1) + ":"
		} else {
			cells[i] = strings.Repeat("-", width)
		}
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// writeMarkdownFooter writes footer lines as paragraphs, keeping consecutive
// list items ("- …") in one list.
func writeMarkdownFooter(b *strings.Builder, footer []string) {
	prevItem := false
	for _, line := range footer {
		if strings.TrimSpace(line) == "" {
			continue
		}
		item := strings.HasPrefix(line, "- ")
		if !(item && prevItem) {
			b.WriteString("\n")
		}
		b.WriteString(line + "\n")
		prevItem = item
	}
}

// WriteCSV writes the table's header and rows as CSV; the title and footer,
// which are for people, are left out.
func (t Table) WriteCSV(w io.Writer) error {
	return WriteCSV(w, t.Headers, t.Rows)
}

// WriteCSV writes a header row (if any) and rows as CSV (RFC 4180, with
// encoding/csv's quoting), and reports any error writing them.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if len(header) > 0 {
		if err := cw.Write(header); err != nil {
			return err
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
