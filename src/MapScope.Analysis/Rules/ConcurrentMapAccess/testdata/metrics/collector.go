// Prometheus collectors: the registry calls Collect and Describe on every scrape, and scrapes overlap.
package metrics

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

type queueCollector struct {
	desc   *prometheus.Desc
	descs  map[string]*prometheus.Desc
	gauges map[string]float64
	seen   map[string]bool
}

// Describe runs when the collector is registered, not on every scrape
func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) {
	c.descs["depth"] = c.desc
	ch <- c.desc
}

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	for name, depth := range readDepths() {
		c.gauges[name] = depth // want `c.gauges \(a field of the collector's receiver, shared by concurrent scrapes\) is written with no mutex held from a Prometheus Collect \(Collect\)`
	}
	c.update(ch)
}

// a collection helper of its own: any method handed the scrape's metric channel runs per scrape
func (c *queueCollector) update(ch chan<- prometheus.Metric) {
	for name := range c.gauges {
		if !c.seen[name] {
			c.seen[name] = true // want `c.seen \(a field of the collector's receiver, shared by concurrent scrapes\) is written with no mutex held from update \(called from a Prometheus Collect \(Collect\)`
		}
	}
}

func readDepths() map[string]float64 { return map[string]float64{"a": 1} }

// ---- not reported ----

type lockedCollector struct {
	mu     sync.Mutex
	values map[string]float64
}

func (c *lockedCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.values {
		c.values[k]++
	}
	local := map[string]int{}
	local["x"]++
}
