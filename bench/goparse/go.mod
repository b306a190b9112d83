module mapscope.bench/goparse

go 1.19
