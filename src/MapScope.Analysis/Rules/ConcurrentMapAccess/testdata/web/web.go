// Handlers of web frameworks whose modules are not downloaded: the checker cannot type the parameters,
// but the import paths say what they are.
package web

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	echo "github.com/labstack/echo/v4"
)

var hits = map[string]int{}

func ginHits(c *gin.Context) {
	hits[c.FullPath()]++ // want `package-level map hits is written with no mutex held from a gin handler \(ginHits\)`
}

func echoHits(c echo.Context) error {
	delete(hits, c.Path()) // want `package-level map hits is written with no mutex held from an echo handler \(echoHits\)`
	return nil
}

type API struct {
	mu    sync.Mutex
	users map[string]string
	seen  map[string]bool
}

func (a *API) fiberUser(c *fiber.Ctx) error {
	a.users[c.Params("id")] = c.Query("name") // want `a.users \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from a fiber handler \(fiberUser\)`
	a.markSeen(c.Params("id"))
	return nil
}

func (a *API) markSeen(id string) {
	a.seen[id] = true // want `a.seen \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from markSeen \(called from a fiber handler \(fiberUser\)`
}

// extra parameters around the writer and the request still make it a handler
func (a *API) serveWithLogger(log func(string), w http.ResponseWriter, r *http.Request) {
	a.users[r.URL.Path] = "x" // want `a.users \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from an HTTP handler \(serveWithLogger\)`
	log(r.URL.Path)
}

// ---- not reported ----

func (a *API) ginLocked(c *gin.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.users[c.Param("id")] = "y"
	a.markSeenLocked(c.Param("id"))
}

func (a *API) markSeenLocked(id string) { a.seen[id] = true }

// a local package named gin is not the framework
type Context struct{ Keys map[string]string }

func notGin(c *Context) { c.Keys["a"] = "b" }
