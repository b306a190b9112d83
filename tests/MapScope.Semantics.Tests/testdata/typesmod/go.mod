module example.com/typesmod

go 1.19
