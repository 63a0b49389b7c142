package opml

import (
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// charsetReader lets OPML files in legacy encodings (windows-1256,
// ISO-8859-8, …) be read: encoding/xml only knows UTF-8 by itself.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	cr, err := charset.NewReaderLabel(label, r)
	if err != nil {
		return nil, fmt.Errorf("opml charset %q: %w", label, err)
	}
	return cr, nil
}
