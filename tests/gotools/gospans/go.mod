module mapscope.test/gospans

go 1.19
