# The two commands. Everything else is in scripts/.
.PHONY: run test deps build clean

run: deps
	scripts/run.sh

test: deps
	scripts/test.sh

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build build

clean:
	rm -rf build
