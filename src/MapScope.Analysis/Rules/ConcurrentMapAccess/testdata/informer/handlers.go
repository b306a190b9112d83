// Informer event handlers: client-go calls them on its own goroutine, concurrently with the rest of the program.
package informer

import (
	"net/http"
	"time"

	"k8s.io/client-go/tools/cache"
)

var pods = map[string]string{}

func watch(inf cache.SharedIndexInformer) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			pods[key(obj)] = "added" // want `package-level map pods is written with no mutex held from an informer AddFunc callback`
		},
		DeleteFunc: onDelete,
	})
}

func onDelete(obj interface{}) {
	delete(pods, key(obj)) // want `package-level map pods is written with no mutex held from an informer DeleteFunc callback \(onDelete\)`
}

func key(obj interface{}) string { return "" }

func listPods(w http.ResponseWriter, r *http.Request) {
	for k := range pods { // want `package-level map pods is iterated here with no mutex held, while it is written at handlers.go:16 from an informer AddFunc callback`
		w.Write([]byte(k))
	}
}

var expiries = map[string]time.Time{}

func expireLater(k string) {
	expiries[k] = time.Now()
	time.AfterFunc(time.Minute, func() {
		delete(expiries, k) // want `package-level map expiries is written with no mutex held from a time.AfterFunc callback`
	})
}

func isExpired(k string) bool {
	_, ok := expiries[k]
	return !ok
}

// ---- not reported ----

// the callback runs on the informer's goroutine and nothing else touches the map
var confined = map[string]int{}

func watchConfined(inf cache.SharedIndexInformer) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		UpdateFunc: func(old, cur interface{}) { confined[key(cur)]++ },
	})
}
