//! `trillet-flows`: check and normalize call flow and message flow JSON files.
//! Native only: on wasm32 (the workspace's wasm builds and lints) it is empty,
//! so none of its dependencies are built there.

#[cfg(not(target_arch = "wasm32"))]
mod run;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    run::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
