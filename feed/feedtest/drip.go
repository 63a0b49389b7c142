package feedtest

import (
	"net/http"
	"time"
)

// Drip is a slow-loris handler: it answers 200 and then writes one "<"
// every interval, flushing each, until the client goes away. The answer
// never ends, so only a client deadline or cancellation stops it.
func Drip(every time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return // the client went away
			}
			w.(http.Flusher).Flush() // httptest's writer always is one
			select {
			case <-r.Context().Done():
				return
			case <-time.After(every):
			}
		}
	}
}
