module mapscope.test/gotools/gotypes

go 1.19
