# The two commands of the README, and a few shortcuts.
.PHONY: demo test pkg bench
demo: ## build the package and serve the demo on 127.0.0.1:8080
	bash scripts/demo.sh
test: ## run every test; ends with "N passed, M failed"
	bash scripts/test.sh
pkg: ## build pkg/ only
	node scripts/build-pkg.mjs
bench: ## benchmarks against Zod, Valibot and Ajv
	bash scripts/bench.sh
