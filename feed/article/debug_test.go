package article

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDebug(t *testing.T) {
	f := os.Getenv("DEBUG_PAGE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	a, err := Extract(os.Getenv("DEBUG_URL"), b, os.Getenv("DEBUG_CT"))
	j, _ := json.MarshalIndent(a, "", " ")
	t.Logf("err=%v\n%s", err, j)
}
