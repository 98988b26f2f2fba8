fn main() {
    std::process::exit(govlint::cli::main());
}
