module example.com/mapscope/bench/heapgen

go 1.19
